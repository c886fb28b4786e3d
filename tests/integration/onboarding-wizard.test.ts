import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, authTokens, mailOutbox, onboardingSessions, organisationMembers, organisations, provisionalCredentials, users } from '@/db/schema';
import { checkPassword } from '@/lib/auth/sign-in';
import { consumeAuthToken } from '@/lib/auth/tokens';
import {
  activateAccount,
  getConfirmation,
  getWizard,
  identifyWithLetters,
  resendConfirmation,
  saveAccount,
  saveQuestions,
} from '@/lib/onboarding/wizard';
import { demoLetters, seedDemo } from '@/db/seed';
import { engines, useTestDatabase } from '../support/db';
import { createTestOrganisation, issueTestLetters } from '../support/letters';

const strongPassword = 'Jambon-Orage-Piscine-73';

function meta() {
  // A distinct client per call keeps the per-IP limit out of tests that are not about it.
  return { ip: `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`, userAgent: 'vitest' };
}

async function startWizard(db: Db, organisationKind: 'company' | 'accounting_firm' = 'company') {
  const r = await saveQuestions(db, { answers: { organisationKind, hasLetters: 'oui' } });
  if (!r.ok) throw new Error('questions refused');
  const wizard = await getWizard(db, r.cookie.value);
  return { cookie: r.cookie.value, wizardId: wizard!.id };
}

async function latestMail(db: Db, to: string) {
  const [m] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  return m;
}

function tokenFrom(text: string): string {
  const m = /confirmer\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error('no confirmation link in the email');
  return m[1]!;
}

async function credential(db: Db, id: string) {
  const [c] = await db.select().from(provisionalCredentials).where(eq(provisionalCredentials.id, id));
  return c!;
}

/** Runs steps 1–3 for a company with fresh letters; returns what the test needs. */
async function reachStepFour(db: Db, options: { kind?: 'company' | 'accounting_firm'; email?: string } = {}) {
  const org = await createTestOrganisation(db, { kind: options.kind ?? 'company' });
  const letters = await issueTestLetters(db, org.id);
  const { cookie, wizardId } = await startWizard(db, options.kind);
  const identified = await identifyWithLetters(db, {
    wizardId,
    values: { siret: org.siret, identifier: letters.identifier, code: letters.code },
    meta: meta(),
  });
  expect(identified.status).toBe('success');
  const email = options.email ?? `gerant-${org.siret}@exemple.test`;
  const saved = await saveAccount(db, {
    wizardId,
    values: { email, emailConfirmation: email, password: strongPassword, passwordConfirmation: strongPassword },
    meta: meta(),
  });
  expect(saved).toEqual({ ok: true });
  return { org, letters, cookie, wizardId, email };
}

describe.each(engines)('first-connection wizard (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('happy path: questions → letters (SIRET with spaces, code in lower case) → email and password → link → active admin, letters consumed, signed in', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);

    const q = await saveQuestions(db(), { answers: { organisationKind: 'company', hasLetters: 'oui' } });
    expect(q.ok && q.next).toBe('identification');
    if (!q.ok) return;
    let wizard = await getWizard(db(), q.cookie.value);
    expect(wizard).toMatchObject({ stepReached: 2, organisationKind: 'company', hasLetters: true, isIdentified: false });

    const spaced = `${org.siret.slice(0, 3)} ${org.siret.slice(3, 6)} ${org.siret.slice(6, 9)} ${org.siret.slice(9)}`;
    const identified = await identifyWithLetters(db(), {
      wizardId: wizard!.id,
      values: { siret: spaced, identifier: ` ${letters.identifier.toLowerCase()} `, code: letters.code.toLowerCase().replace('-', ' ') },
      meta: meta(),
    });
    expect(identified).toEqual({ status: 'success', organisationId: org.id, organisationName: org.name });
    wizard = await getWizard(db(), q.cookie.value);
    expect(wizard).toMatchObject({ stepReached: 3, siret: org.siret, isIdentified: true, organisation: { id: org.id } });

    const email = 'Gerante@Exemple.TEST';
    const saved = await saveAccount(db(), {
      wizardId: wizard!.id,
      values: { email, emailConfirmation: email, password: strongPassword, passwordConfirmation: strongPassword },
      meta: meta(),
    });
    expect(saved).toEqual({ ok: true });
    wizard = await getWizard(db(), q.cookie.value);
    expect(wizard).toMatchObject({ stepReached: 4, email: 'gerante@exemple.test' });
    // Nothing is created before the link is used; the letters are still unused.
    expect(await db().select().from(users).where(eq(users.email, 'gerante@exemple.test'))).toHaveLength(0);
    expect((await credential(db(), letters.id)).consumedAt).toBeNull();
    // The wizard row never holds the password itself.
    const [row] = await db().select().from(onboardingSessions).where(eq(onboardingSessions.id, wizard!.id));
    expect(JSON.stringify(row)).not.toContain(strongPassword);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);

    const mail = await latestMail(db(), 'gerante@exemple.test');
    expect(mail?.template).toBe('confirm-account');
    expect(mail?.subject).toBe('Confirmez la création de votre Espace sécurisé');
    const token = tokenFrom(mail!.text);
    expect(mail!.html).toContain('Confirmer la création de mon espace');

    // Opening the link (GET) shows the page without consuming anything.
    expect(await getConfirmation(db(), token)).toEqual({ status: 'valid', organisationName: org.name, email: 'gerante@exemple.test' });
    expect(await getConfirmation(db(), token)).toMatchObject({ status: 'valid' });

    const activated = await activateAccount(db(), { token, meta: meta() });
    expect(activated.status).toBe('activated');
    if (activated.status !== 'activated') return;
    const [user] = await db().select().from(users).where(eq(users.id, activated.userId));
    expect(user).toMatchObject({ email: 'gerante@exemple.test', status: 'active' });
    expect(user!.emailVerifiedAt).not.toBeNull();
    const [membership] = await db()
      .select()
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, user!.id), eq(organisationMembers.organisationId, org.id)));
    expect(membership?.role).toBe('admin');
    const [orgAfter] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    expect(orgAfter!.activatedAt).not.toBeNull();
    expect((await credential(db(), letters.id)).consumedAt).not.toBeNull();
    // The wizard is over: its cookie no longer opens anything, the pending hash is gone.
    expect(await getWizard(db(), q.cookie.value)).toBeNull();
    const [after] = await db().select().from(onboardingSessions).where(eq(onboardingSessions.id, wizard!.id));
    expect(after!.passwordHash).toBeNull();

    // The login token signs the user in once (Auth.js consumes it), and the password works from now on.
    expect((await consumeAuthToken(db(), 'login', activated.loginToken)).status).toBe('valid');
    expect((await consumeAuthToken(db(), 'login', activated.loginToken)).status).toBe('used');
    expect(await checkPassword(db(), 'gerante@exemple.test', strongPassword)).toEqual({ ok: true, userId: user!.id });

    // Every step was audited, without secrets.
    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectOrganisationId, org.id));
    expect(entries.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(
      ['onboarding.account:success', 'onboarding.activate:success', 'onboarding.identify:success'].sort(),
    );
    const dump = JSON.stringify(entries);
    for (const secret of [letters.code, letters.identifier, strongPassword, token]) expect(dump).not.toContain(secret);
  });

  it('an accounting firm goes through the same steps and becomes its firm’s admin', async () => {
    const { org, email } = await reachStepFour(db(), { kind: 'accounting_firm' });
    const token = tokenFrom((await latestMail(db(), email))!.text);
    const activated = await activateAccount(db(), { token, meta: meta() });
    expect(activated.status).toBe('activated');
    const [m] = await db().select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(m?.role).toBe('admin');
    expect(org.kind).toBe('accounting_firm');
  });

  it('five wrong codes lock the letters (the fifth answer says so); then even the right code is refused', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const attempt = (code: string) =>
      identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code }, meta: meta() });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await attempt(`ZZZZ-ZZZ${i}`)).status);
    expect(answers).toEqual(['mismatch', 'mismatch', 'mismatch', 'mismatch', 'locked']);
    const c = await credential(db(), letters.id);
    expect(c.failedAttempts).toBe(5);
    expect(c.lockedAt).not.toBeNull();
    expect((await attempt(letters.code)).status).toBe('locked');

    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectOrganisationId, org.id));
    const outcomes = entries.map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'failure')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(letters.code);
  });

  it('a success before the fifth failure gives its try back; failures with a wrong identifier count against the SIRET’s letters', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const r1 = await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: 'GE-0000-000000', code: letters.code }, meta: meta() });
    expect(r1.status).toBe('mismatch');
    expect((await credential(db(), letters.id)).failedAttempts).toBe(1);
    const r2 = await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: letters.code }, meta: meta() });
    expect(r2.status).toBe('success');
    expect((await credential(db(), letters.id)).failedAttempts).toBe(1);
  });

  it('a SIRET that fails its checksum is a field error, counts nothing and is not audited as an attempt', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const wrong = org.siret.slice(0, 13) + String((Number(org.siret[13]) + 1) % 10);
    const r = await identifyWithLetters(db(), { wizardId, values: { siret: wrong, identifier: letters.identifier, code: letters.code }, meta: meta() });
    expect(r).toEqual({ status: 'invalid', fieldErrors: { siret: expect.stringContaining('n’existe pas') } });
    const r2 = await identifyWithLetters(db(), { wizardId, values: { siret: '123', identifier: '', code: '' }, meta: meta() });
    expect(r2.status === 'invalid' && Object.keys(r2.fieldErrors).sort()).toEqual(['code', 'identifier', 'siret']);
    expect((await credential(db(), letters.id)).failedAttempts).toBe(0);
  });

  it('expired, superseded and used letters and an already activated company get their own answer — only with all three values right', async () => {
    const attempt = async (siret: string, identifier: string, code: string) => {
      const { wizardId } = await startWizard(db());
      return (await identifyWithLetters(db(), { wizardId, values: { siret, identifier, code }, meta: meta() })).status;
    };
    // Expired
    const a = await createTestOrganisation(db());
    const expired = await issueTestLetters(db(), a.id, { issuedAt: new Date(Date.now() - 90 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) });
    expect(await attempt(a.siret, expired.identifier, expired.code)).toBe('expired');
    expect(await attempt(a.siret, expired.identifier, 'AAAA-AAAA')).toBe('mismatch');
    // Superseded by newer letters: the old pair says so, the new one works.
    const b = await createTestOrganisation(db());
    const old = await issueTestLetters(db(), b.id, { issuedAt: new Date(Date.now() - 86_400_000) });
    await db().update(provisionalCredentials).set({ supersededAt: new Date() }).where(eq(provisionalCredentials.id, old.id));
    const fresh = await issueTestLetters(db(), b.id);
    expect(await attempt(b.siret, old.identifier, old.code)).toBe('superseded');
    expect(await attempt(b.siret, fresh.identifier, fresh.code)).toBe('success');
    // Used: a completed activation consumed them.
    const { org: c, letters: usedLetters, email } = await reachStepFour(db());
    expect((await activateAccount(db(), { token: tokenFrom((await latestMail(db(), email))!.text), meta: meta() })).status).toBe('activated');
    expect(await attempt(c.siret, usedLetters.identifier, usedLetters.code)).toBe('used');
    expect(await attempt(c.siret, usedLetters.identifier, 'AAAA-AAAA')).toBe('mismatch');
    // Activated by other means while its letters were still live.
    const d = await createTestOrganisation(db(), { activatedAt: new Date() });
    const live = await issueTestLetters(db(), d.id);
    expect(await attempt(d.siret, live.identifier, live.code)).toBe('already_activated');
    // The right identifier and code with another company's SIRET is a plain mismatch.
    const e = await createTestOrganisation(db());
    const eLetters = await issueTestLetters(db(), e.id);
    expect(await attempt(a.siret, eLetters.identifier, eLetters.code)).toBe('mismatch');
  });

  it('letters used by one wizard cannot serve a second one that was waiting on its link', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const run = async (email: string) => {
      const { wizardId } = await startWizard(db());
      expect(
        (await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: letters.code }, meta: meta() })).status,
      ).toBe('success');
      await saveAccount(db(), { wizardId, values: { email, emailConfirmation: email, password: strongPassword, passwordConfirmation: strongPassword }, meta: meta() });
      return tokenFrom((await latestMail(db(), email))!.text);
    };
    const first = await run(`premier-${org.siret}@exemple.test`);
    const second = await run(`second-${org.siret}@exemple.test`);
    expect((await activateAccount(db(), { token: first, meta: meta() })).status).toBe('activated');
    expect(await getConfirmation(db(), second)).toEqual({ status: 'unavailable' });
    expect((await activateAccount(db(), { token: second, meta: meta() })).status).toBe('already_activated');
    expect(await db().select().from(users).where(eq(users.email, `second-${org.siret}@exemple.test`))).toHaveLength(0);
  });

  it('a reused confirmation link and an expired one activate nothing and say why', async () => {
    const { org, email } = await reachStepFour(db());
    const token = tokenFrom((await latestMail(db(), email))!.text);
    expect((await activateAccount(db(), { token, meta: meta() })).status).toBe('activated');
    expect(await getConfirmation(db(), token)).toEqual({ status: 'used' });
    expect((await activateAccount(db(), { token, meta: meta() })).status).toBe('used');
    expect(await db().select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id))).toHaveLength(1);

    const later = await reachStepFour(db());
    const lateToken = tokenFrom((await latestMail(db(), later.email))!.text);
    const in25h = new Date(Date.now() + 25 * 3_600_000);
    expect(await getConfirmation(db(), lateToken, { now: in25h })).toEqual({ status: 'expired' });
    expect((await activateAccount(db(), { token: lateToken, meta: meta() }, { now: in25h })).status).toBe('expired');
    const [orgAfter] = await db().select().from(organisations).where(eq(organisations.id, later.org.id));
    expect(orgAfter!.activatedAt).toBeNull();
    expect((await credential(db(), later.letters.id)).consumedAt).toBeNull();
    expect(await db().select().from(users).where(eq(users.email, later.email))).toHaveLength(0);
    expect((await activateAccount(db(), { token: 'not-a-token', meta: meta() })).status).toBe('unknown');
  });

  it('brute force: 1,000 guesses of the code for one company → 0 successes, letters locked, the right code refused afterwards', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
    const statuses = new Map<string, number>();
    let successes = 0;
    // The attacker changes IP at every guess (a botnet): only the per-company lock stands in the way.
    for (let i = 0; i < 1000; i++) {
      let guess = '';
      do guess = Array.from({ length: 8 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
      while (guess === letters.code.replace('-', ''));
      const r = await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: guess }, meta: meta() });
      if (r.status === 'success') successes++;
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect(successes).toBe(0);
    expect(Object.fromEntries(statuses)).toEqual({ mismatch: 4, locked: 996 });
    const c = await credential(db(), letters.id);
    expect(c.lockedAt).not.toBeNull();
    expect(c.failedAttempts).toBe(5);
    const right = await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: letters.code }, meta: meta() });
    expect(right.status).toBe('locked');
  }, 120_000);

  it('parallel guesses cannot get more than five verifications in before the lock', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: `WXYZ-${1000 + i}` }, meta: meta() }),
      ),
    );
    expect(results.filter((r) => r.status === 'mismatch').length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => r.status === 'success')).toHaveLength(0);
    const c = await credential(db(), letters.id);
    expect(c.failedAttempts).toBe(5);
    expect(c.lockedAt).not.toBeNull();
  });

  it('limits attempts per IP: the 21st in 15 minutes is refused without checking anything', async () => {
    const org = await createTestOrganisation(db());
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId } = await startWizard(db());
    const sameClient = { ip: '192.0.2.77', userAgent: 'vitest' };
    // Unknown SIRETs: nothing gets locked, only the IP counter grows.
    for (let i = 0; i < 20; i++) {
      const other = await createTestOrganisation(db());
      const r = await identifyWithLetters(db(), { wizardId, values: { siret: other.siret, identifier: 'GE-X', code: 'AAAA-AAAA' }, meta: sameClient });
      expect(r.status).toBe('mismatch');
    }
    const r = await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: letters.code }, meta: sameClient });
    expect(r).toMatchObject({ status: 'throttled' });
    expect(r.status === 'throttled' && r.retryAfterSeconds).toBeGreaterThan(0);
    expect((await credential(db(), letters.id)).failedAttempts).toBe(0);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.ip, '192.0.2.77'), eq(auditLog.outcome, 'throttled')));
    expect(entry?.action).toBe('onboarding.identify');
  });

  it('an address already used by an active account: step 4 as usual, the owner is told by email, no link, letters untouched', async () => {
    const [existing] = await db()
      .insert(users)
      .values({ email: 'deja-inscrit@exemple.test', status: 'active', passwordHash: 'x', emailVerifiedAt: new Date() })
      .returning();
    const { cookie, letters, email, wizardId } = await reachStepFour(db(), { email: 'deja-inscrit@exemple.test' });
    expect(email).toBe('deja-inscrit@exemple.test');
    expect((await getWizard(db(), cookie))?.stepReached).toBe(4);
    const mail = await latestMail(db(), 'deja-inscrit@exemple.test');
    expect(mail?.template).toBe('account-exists');
    expect(mail!.text).toContain('un compte utilise déjà cette adresse');
    expect(mail!.text).not.toMatch(/token=/);
    const tokens = await db().select().from(authTokens).where(eq(authTokens.kind, 'email_confirmation'));
    expect(tokens.filter((t) => t.payload.onboardingSessionId === wizardId)).toHaveLength(0);
    expect((await credential(db(), letters.id)).consumedAt).toBeNull();
    const [user] = await db().select().from(users).where(eq(users.id, existing!.id));
    expect(user!.passwordHash).toBe('x');
  });

  it('step 3 refuses a short, a common or a company-derived password, and mismatched confirmations', async () => {
    const org = await createTestOrganisation(db(), { name: 'Maçonnerie Vosgienne' });
    const letters = await issueTestLetters(db(), org.id);
    const { wizardId, cookie } = await startWizard(db());
    await identifyWithLetters(db(), { wizardId, values: { siret: org.siret, identifier: letters.identifier, code: letters.code }, meta: meta() });
    const submit = (values: Record<string, string>) => saveAccount(db(), { wizardId, values, meta: meta() });
    const email = 'a@exemple.test';

    const short = await submit({ email, emailConfirmation: email, password: 'Court-1', passwordConfirmation: 'Court-1' });
    expect(!short.ok && short.fieldErrors?.password).toContain('au moins 12 caractères');
    const common = await submit({ email, emailConfirmation: email, password: 'azertyuiop123', passwordConfirmation: 'azertyuiop123' });
    expect(!common.ok && common.fieldErrors?.password).toContain('trop facile à deviner');
    const own = `${org.siret}maconnerie`;
    const derived = await submit({ email, emailConfirmation: email, password: own, passwordConfirmation: own });
    expect(!derived.ok && derived.fieldErrors?.password).toContain('numéro SIRET');
    const mismatch = await submit({ email, emailConfirmation: 'b@exemple.test', password: strongPassword, passwordConfirmation: `${strongPassword}x` });
    expect(!mismatch.ok && mismatch.fieldErrors).toEqual({
      emailConfirmation: 'Les deux adresses électroniques ne sont pas identiques.',
      passwordConfirmation: 'Les deux mots de passe ne sont pas identiques.',
    });
    const badEmail = await submit({ email: 'pas-une-adresse', emailConfirmation: 'pas-une-adresse', password: strongPassword, passwordConfirmation: strongPassword });
    expect(!badEmail.ok && badEmail.fieldErrors?.email).toContain('n’est pas valide');
    expect((await getWizard(db(), cookie))?.stepReached).toBe(3);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).toHaveLength(0);
  });

  it('step 3 is refused until the letters were checked', async () => {
    const { wizardId } = await startWizard(db());
    const r = await saveAccount(db(), {
      wizardId,
      values: { email: 'x@exemple.test', emailConfirmation: 'x@exemple.test', password: strongPassword, passwordConfirmation: strongPassword },
      meta: meta(),
    });
    expect(r).toEqual({ ok: false, message: 'Vérifiez d’abord vos courriers (étape 2).' });
  });

  it('resend: not within 60 s, at most 3 an hour; each new link kills the previous one; a corrected address gets its own', async () => {
    const { wizardId, email } = await reachStepFour(db());
    const t0 = Date.now();
    const at = (s: number) => ({ now: new Date(t0 + s * 1000) });
    const firstToken = tokenFrom((await latestMail(db(), email))!.text);
    const early = await resendConfirmation(db(), { wizardId, meta: meta() }, at(10));
    expect(early).toMatchObject({ ok: false, reason: 'cooldown' });
    expect(early.ok === false && early.retryAfterSeconds).toBeGreaterThan(40);

    expect(await resendConfirmation(db(), { wizardId, meta: meta() }, at(61))).toEqual({ ok: true });
    const secondToken = tokenFrom((await latestMail(db(), email))!.text);
    expect(secondToken).not.toBe(firstToken);
    expect((await getConfirmation(db(), firstToken, at(62))).status).toBe('used');
    expect((await getConfirmation(db(), secondToken, at(62))).status).toBe('valid');
    expect(await resendConfirmation(db(), { wizardId, meta: meta() }, at(130))).toEqual({ ok: true });
    expect(await resendConfirmation(db(), { wizardId, meta: meta() }, at(200))).toEqual({ ok: true });
    // Fourth in the same hour window (or the next window at worst, when the test straddles it).
    const fourth = await resendConfirmation(db(), { wizardId, meta: meta() }, at(270));
    const hourStart = Math.floor((t0 + 61_000) / 3_600_000);
    if (Math.floor((t0 + 270_000) / 3_600_000) === hourStart) expect(fourth).toMatchObject({ ok: false, reason: 'throttled' });

    // Going back to step 3 to fix the address: the new address gets a link, the old one is dead.
    const corrected = `corrige-${email}`;
    const saved = await saveAccount(db(), {
      wizardId,
      values: { email: corrected, emailConfirmation: corrected, password: strongPassword, passwordConfirmation: strongPassword },
      meta: meta(),
    });
    expect(saved).toEqual({ ok: true });
    const lastOld = tokenFrom((await latestMail(db(), email))!.text);
    expect((await getConfirmation(db(), lastOld)).status).toBe('used');
    const fresh = tokenFrom((await latestMail(db(), corrected))!.text);
    const activated = await activateAccount(db(), { token: fresh, meta: meta() });
    expect(activated.status).toBe('activated');
    const [u] = await db().select().from(users).where(eq(users.email, corrected));
    expect(u?.status).toBe('active');
  });

  it('going back keeps the answers, the SIRET and the email (never a secret); answering « non » sends to the help page', async () => {
    const { cookie, wizardId, org, email } = await reachStepFour(db());
    const again = await saveQuestions(db(), { cookieValue: cookie, answers: { organisationKind: 'company', hasLetters: 'oui' } });
    expect(again.ok && again.cookie.value).toBe(cookie);
    const view = await getWizard(db(), cookie);
    expect(view).toMatchObject({ id: wizardId, stepReached: 4, siret: org.siret, email, isIdentified: true });
    expect(Object.keys(view!)).not.toContain('passwordHash');

    const no = await saveQuestions(db(), { answers: { organisationKind: 'accounting_firm', hasLetters: 'non' } });
    expect(no.ok && no.next).toBe('sans-courriers');
    const noView = await getWizard(db(), no.ok ? no.cookie.value : '');
    expect(noView).toMatchObject({ stepReached: 1, hasLetters: false, organisationKind: 'accounting_firm' });

    const invalid = await saveQuestions(db(), { answers: {} });
    expect(invalid).toEqual({
      ok: false,
      fieldErrors: {
        organisationKind: 'Indiquez si vous êtes une entreprise adhérente ou un cabinet comptable / tiers-déclarant.',
        hasLetters: 'Indiquez si vous avez les deux courriers.',
      },
    });
  });

  it('the demo seed gives the Nancy company PRODUCT.md’s letters (and Reims a second pair), once', async () => {
    await seedDemo(db());
    await seedDemo(db());
    const nancy = demoLetters.nancy;
    const { wizardId } = await startWizard(db());
    const r = await identifyWithLetters(db(), { wizardId, values: { siret: '912 345 675 00017', identifier: nancy.identifier, code: nancy.code }, meta: meta() });
    expect(r).toMatchObject({ status: 'success', organisationName: 'Bâtiments de l’Est Démo SARL' });
    const [org] = await db().select().from(organisations).where(eq(organisations.siret, '91234567500017'));
    const rows = await db().select().from(provisionalCredentials).where(eq(provisionalCredentials.organisationId, org!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.issuedAt.getTime()).toBeGreaterThan(364 * 86_400_000);
    const { wizardId: w2 } = await startWizard(db());
    const vosges = await identifyWithLetters(db(), { wizardId: w2, values: { siret: '95678901000017', identifier: demoLetters.vosges.identifier, code: demoLetters.vosges.code }, meta: meta() });
    expect(vosges.status).toBe('success');
  });

  it('a wizard expires two hours after its last step', async () => {
    const { cookie } = await startWizard(db());
    expect(await getWizard(db(), cookie, { now: new Date(Date.now() + 119 * 60_000) })).not.toBeNull();
    expect(await getWizard(db(), cookie, { now: new Date(Date.now() + 121 * 60_000) })).toBeNull();
    expect(await getWizard(db(), 'forged-cookie')).toBeNull();
  });
});
