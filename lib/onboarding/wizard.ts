import 'server-only';
import crypto from 'node:crypto';
import { createElement } from 'react';
import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authTokens, onboardingSessions, organisationMembers, organisations, provisionalCredentials, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/password-policy';
import { createAuthToken, consumeAuthToken, inspectAuthToken, sha256 } from '@/lib/auth/tokens';
import { formatSiret } from '@/lib/companies/siret';
import { getEnv } from '@/lib/env';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import { hitRateLimit } from '@/lib/rate-limit';
import AccountExistsEmail, { accountExistsSubject } from '@/emails/account-exists';
import ConfirmAccountEmail, { confirmAccountSubject } from '@/emails/confirm-account';
import { hashCode, hashIdentifier, verifyCode } from './credentials';
import { accountSchema, fieldErrorsOf, identificationSchema, questionsSchema, type AccountInput, type IdentificationInput, type QuestionsInput } from './schemas';

// The first-connection wizard's rules: its server-side state, the check of the two letters, the pending
// account, and the activation by the emailed link. Actions (app/(public)/premiere-connexion) stay thin.

export const WIZARD_TTL_MS = 2 * 3_600_000;
export const CONFIRMATION_TTL_SECONDS = 24 * 3600;
export const MAX_FAILED_ATTEMPTS = 5;
/** Per client IP, every identification attempt counts (a distributed attacker still hits the per-company lock). */
export const IDENTIFY_IP_LIMIT = { limit: 20, windowSeconds: 15 * 60 };
export const RESEND_LIMIT = { limit: 3, windowSeconds: 3600 };
export const RESEND_COOLDOWN_SECONDS = 60;
/** Step 3 submissions per wizard (each one sends an email). */
export const ACCOUNT_SUBMIT_LIMIT = { limit: 10, windowSeconds: 3600 };
const LOGIN_TOKEN_TTL_SECONDS = 120;

export type RequestMeta = { ip: string; userAgent: string };
type Clock = { now?: Date };

type SessionRow = typeof onboardingSessions.$inferSelect;

/** What pages may show of a wizard: never the password hash. */
export type WizardView = {
  id: string;
  stepReached: number;
  organisationKind: 'company' | 'accounting_firm' | null;
  hasLetters: boolean | null;
  siret: string | null;
  email: string | null;
  organisation: { id: string; name: string; siret: string; kind: 'company' | 'accounting_firm' } | null;
  isIdentified: boolean;
  confirmationSentAt: Date | null;
};

function slide(now: Date): Date {
  return new Date(now.getTime() + WIZARD_TTL_MS);
}

// ---------------------------------------------------------------------------------------------------
// Wizard state

async function findSessionRow(db: Db, cookieValue: string | undefined, now: Date): Promise<SessionRow | null> {
  if (!cookieValue || cookieValue.length > 200) return null;
  const [row] = await db.select().from(onboardingSessions).where(eq(onboardingSessions.tokenHash, sha256(cookieValue)));
  if (!row || row.completedAt || row.expiresAt <= now) return null;
  return row;
}

/** The wizard of the visitor holding this cookie, or null (none, expired, or finished). */
export async function getWizard(db: Db, cookieValue: string | undefined, { now = new Date() }: Clock = {}): Promise<WizardView | null> {
  const row = await findSessionRow(db, cookieValue, now);
  if (!row) return null;
  let organisation: WizardView['organisation'] = null;
  if (row.organisationId) {
    const [org] = await db
      .select({ id: organisations.id, name: organisations.name, siret: organisations.siret, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, row.organisationId));
    organisation = org ?? null;
  }
  return {
    id: row.id,
    stepReached: row.stepReached,
    organisationKind: row.organisationKind,
    hasLetters: row.hasLetters,
    siret: row.siret,
    email: row.email,
    organisation,
    isIdentified: Boolean(row.credentialId && row.organisationId),
    confirmationSentAt: row.confirmationSentAt,
  };
}

/**
 * A new wizard. The cookie holds 256 random bits; the table only their SHA-256, so a database read
 * does not let anyone resume someone else's wizard.
 */
export async function createWizard(db: Db, { now = new Date() }: Clock = {}): Promise<{ cookieValue: string; id: string; expiresAt: Date }> {
  const cookieValue = crypto.randomBytes(32).toString('base64url');
  const expiresAt = slide(now);
  // Opportunistic clean-up: wizards abandoned for a day whose emailed link (if any) has expired too.
  await db
    .delete(onboardingSessions)
    .where(
      and(
        lt(onboardingSessions.expiresAt, new Date(now.getTime() - 86_400_000)),
        or(isNull(onboardingSessions.confirmationExpiresAt), lt(onboardingSessions.confirmationExpiresAt, now)),
      ),
    );
  const [row] = await db.insert(onboardingSessions).values({ tokenHash: sha256(cookieValue), expiresAt }).returning({ id: onboardingSessions.id });
  return { cookieValue, id: row!.id, expiresAt };
}

export type FormFailure<K extends string> = { ok: false; message?: string; fieldErrors?: Partial<Record<K, string>> };

/** Step 1. Creates the wizard when the visitor has none; returns where to go next. */
export async function saveQuestions(
  db: Db,
  input: { cookieValue?: string; answers: Partial<QuestionsInput> },
  { now = new Date() }: Clock = {},
): Promise<
  | { ok: true; next: 'identification' | 'sans-courriers'; cookie: { value: string; expiresAt: Date } }
  | FormFailure<'organisationKind' | 'hasLetters'>
> {
  const parsed = questionsSchema.safeParse(input.answers);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const existing = await findSessionRow(db, input.cookieValue, now);
  let cookieValue = input.cookieValue ?? '';
  let wizardId = existing?.id;
  if (!wizardId) {
    const created = await createWizard(db, { now });
    cookieValue = created.cookieValue;
    wizardId = created.id;
  }
  const stepReached = existing?.stepReached ?? 1;
  const { organisationKind, hasLetters } = parsed.data;
  const expiresAt = slide(now);
  await db
    .update(onboardingSessions)
    .set({
      organisationKind,
      hasLetters,
      // Reaching step 2 needs both letters; later progress is kept when going back and forth.
      stepReached: hasLetters ? Math.max(stepReached, 2) : stepReached,
      expiresAt,
    })
    .where(eq(onboardingSessions.id, wizardId));
  return { ok: true, next: hasLetters ? 'identification' : 'sans-courriers', cookie: { value: cookieValue, expiresAt } };
}

// ---------------------------------------------------------------------------------------------------
// Step 2: the two letters

export type IdentifyStatus =
  | 'success'
  | 'mismatch'
  | 'locked'
  | 'throttled'
  | 'expired'
  | 'used'
  | 'superseded'
  | 'already_activated'
  | 'invalid';

export type IdentifyResult =
  | { status: 'success'; organisationId: string; organisationName: string }
  | { status: 'throttled'; retryAfterSeconds: number }
  | { status: 'invalid'; fieldErrors: Partial<Record<'siret' | 'identifier' | 'code', string>> }
  | { status: Exclude<IdentifyStatus, 'success' | 'throttled' | 'invalid'> };

let dummyCodeHash: Promise<string> | undefined;

const credentialColumns = {
  id: provisionalCredentials.id,
  organisationId: provisionalCredentials.organisationId,
  codeHash: provisionalCredentials.codeHash,
  expiresAt: provisionalCredentials.expiresAt,
  failedAttempts: provisionalCredentials.failedAttempts,
  lockedAt: provisionalCredentials.lockedAt,
  supersededAt: provisionalCredentials.supersededAt,
  consumedAt: provisionalCredentials.consumedAt,
  orgSiret: organisations.siret,
  orgName: organisations.name,
  orgKind: organisations.kind,
  orgActivatedAt: organisations.activatedAt,
};
type CredentialRow = {
  id: string;
  organisationId: string;
  codeHash: string;
  expiresAt: Date;
  failedAttempts: number;
  lockedAt: Date | null;
  supersededAt: Date | null;
  consumedAt: Date | null;
  orgSiret: string;
  orgName: string;
  orgKind: 'company' | 'accounting_firm';
  orgActivatedAt: Date | null;
};

/**
 * Checks SIRET + identifier + code together.
 * - Constant work whatever matches: the identifier is found by its keyed hash, and one argon2
 *   verification always runs (against a dummy hash when nothing matched). The only early answer is for
 *   letters already locked, which the visitor is told anyway.
 * - Failures count against the live letters of the company whose SIRET was typed and against the
 *   letters whose identifier was typed. An attempt is reserved (counter + 1) BEFORE the verification,
 *   atomically and only while under the limit, so even parallel guesses get at most 5 verifications per
 *   letters; a success gives its reservation back.
 * - Expired, used and superseded letters, and an already activated company, get their own answer only
 *   when all three values are right (so the answer tells nothing to someone guessing).
 */
export async function identifyWithLetters(
  db: Db,
  input: { wizardId: string; values: Partial<IdentificationInput>; meta: RequestMeta },
  options: { now?: Date; lettersSecret?: string } = {},
): Promise<IdentifyResult> {
  const now = options.now ?? new Date();
  const { ip, userAgent } = input.meta;
  const parsed = identificationSchema.safeParse(input.values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { siret, identifier, code } = parsed.data;
  const audit = (outcome: 'success' | 'failure' | 'locked' | 'throttled', reason: string, subjectOrganisationId?: string | null) =>
    recordAudit(db, { action: 'onboarding.identify', outcome, subjectOrganisationId: subjectOrganisationId ?? null, ip, userAgent, details: { siret, reason } });

  const rate = await hitRateLimit(db, `onboarding.identify:ip:${ip}`, { ...IDENTIFY_IP_LIMIT, now });
  if (!rate.allowed) {
    await audit('throttled', 'ip_limit');
    return { status: 'throttled', retryAfterSeconds: rate.retryAfterSeconds };
  }

  const secret = options.lettersSecret ?? getEnv().lettersSecret;
  const [byIdentifier] = (await db
    .select(credentialColumns)
    .from(provisionalCredentials)
    .innerJoin(organisations, eq(organisations.id, provisionalCredentials.organisationId))
    .where(eq(provisionalCredentials.identifierHash, hashIdentifier(identifier, secret)))) as CredentialRow[];
  const [bySiret] = (await db
    .select(credentialColumns)
    .from(provisionalCredentials)
    .innerJoin(organisations, eq(organisations.id, provisionalCredentials.organisationId))
    .where(and(eq(organisations.siret, siret), isNull(provisionalCredentials.consumedAt), isNull(provisionalCredentials.supersededAt)))
    .orderBy(desc(provisionalCredentials.issuedAt))
    .limit(1)) as CredentialRow[];

  const isLive = (c: CredentialRow | undefined): c is CredentialRow => Boolean(c && !c.consumedAt && !c.supersededAt && c.expiresAt > now);
  const isLocked = (c: CredentialRow) => c.lockedAt !== null || c.failedAttempts >= MAX_FAILED_ATTEMPTS;
  const identifierMatchesSiret = Boolean(byIdentifier && byIdentifier.orgSiret === siret);
  const subject = identifierMatchesSiret ? byIdentifier!.organisationId : (bySiret?.organisationId ?? null);

  const targets = new Map<string, CredentialRow>();
  if (isLive(bySiret)) targets.set(bySiret.id, bySiret);
  // Another company's locked letters (identifier typed with a different SIRET) are not mentioned.
  if (isLive(byIdentifier) && (identifierMatchesSiret || !isLocked(byIdentifier))) targets.set(byIdentifier.id, byIdentifier);

  const alreadyLocked = [...targets.values()].find(isLocked);
  if (alreadyLocked) {
    await audit('locked', 'letters_locked', alreadyLocked.organisationId);
    return { status: 'locked' };
  }

  const targetIds = [...targets.keys()];
  const giveBack = (ids: string[]) =>
    ids.length
      ? db
          .update(provisionalCredentials)
          .set({ failedAttempts: sql`greatest(${provisionalCredentials.failedAttempts} - 1, 0)` })
          .where(inArray(provisionalCredentials.id, ids))
      : Promise.resolve();
  const reserved = targetIds.length
    ? (
        await db
          .update(provisionalCredentials)
          .set({ failedAttempts: sql`${provisionalCredentials.failedAttempts} + 1` })
          .where(
            and(
              inArray(provisionalCredentials.id, targetIds),
              isNull(provisionalCredentials.lockedAt),
              lt(provisionalCredentials.failedAttempts, MAX_FAILED_ATTEMPTS),
            ),
          )
          .returning({ id: provisionalCredentials.id })
      ).map((r) => r.id)
    : [];
  if (reserved.length < targetIds.length) {
    // Concurrent attempts used the last tries meanwhile.
    await giveBack(reserved);
    await audit('locked', 'letters_locked', subject);
    return { status: 'locked' };
  }

  dummyCodeHash ??= hashCode('timing-equaliser-not-a-code');
  const codeMatches = await verifyCode(byIdentifier?.codeHash ?? (await dummyCodeHash), code);

  if (byIdentifier && identifierMatchesSiret && codeMatches) {
    await giveBack(reserved);
    const c = byIdentifier;
    const refusal: IdentifyStatus | null = c.consumedAt
      ? 'used'
      : c.orgActivatedAt
        ? 'already_activated'
        : c.supersededAt
          ? 'superseded'
          : c.expiresAt <= now
            ? 'expired'
            : null;
    if (refusal) {
      await audit('failure', refusal, c.organisationId);
      return { status: refusal as 'used' | 'already_activated' | 'superseded' | 'expired' };
    }
    const [current] = await db.select().from(onboardingSessions).where(eq(onboardingSessions.id, input.wizardId));
    const sameOrganisation = current?.organisationId === c.organisationId;
    await db
      .update(onboardingSessions)
      .set({
        siret,
        credentialId: c.id,
        organisationId: c.organisationId,
        // The letters decide what the organisation is, whatever was answered at step 1.
        organisationKind: c.orgKind,
        stepReached: sameOrganisation ? Math.max(current?.stepReached ?? 3, 3) : 3,
        // Other letters: what was typed for another company is not carried over.
        ...(sameOrganisation ? {} : { email: null, passwordHash: null, confirmationSentAt: null, confirmationExpiresAt: null }),
        expiresAt: slide(now),
      })
      .where(eq(onboardingSessions.id, input.wizardId));
    await audit('success', 'letters_match', c.organisationId);
    return { status: 'success', organisationId: c.organisationId, organisationName: c.orgName };
  }

  // A failure: the reservations stay counted; letters reaching the maximum are locked now.
  const lockedNow = reserved.length
    ? await db
        .update(provisionalCredentials)
        .set({ lockedAt: now })
        .where(
          and(
            inArray(provisionalCredentials.id, reserved),
            gte(provisionalCredentials.failedAttempts, MAX_FAILED_ATTEMPTS),
            isNull(provisionalCredentials.lockedAt),
          ),
        )
        .returning({ organisationId: provisionalCredentials.organisationId })
    : [];
  if (lockedNow.length) {
    await audit('locked', 'too_many_failures', lockedNow[0]!.organisationId);
    return { status: 'locked' };
  }
  await audit('failure', 'mismatch', subject);
  return { status: 'mismatch' };
}

// ---------------------------------------------------------------------------------------------------
// Step 3 and 4: the pending account and its confirmation email

type AccountField = keyof AccountInput;

async function getWizardForUpdate(db: Db, wizardId: string) {
  const [row] = await db
    .select({ session: onboardingSessions, orgName: organisations.name, orgSiret: organisations.siret })
    .from(onboardingSessions)
    .leftJoin(organisations, eq(organisations.id, onboardingSessions.organisationId))
    .where(eq(onboardingSessions.id, wizardId));
  return row ?? null;
}

/**
 * Sends what step 4 announces, inside the caller's transaction: the confirmation link, or, when the
 * address already belongs to an account, an email telling its owner so. The wizard shows the same page
 * in both cases, so typing someone's address reveals nothing; the link of an earlier send dies.
 */
async function sendConfirmation(tx: Db, input: { wizardId: string; organisationId: string; organisationName: string; siret: string; email: string; now: Date }) {
  const env = getEnv();
  const caisse = await getMailCaisse(tx);
  await tx
    .update(authTokens)
    .set({ consumedAt: input.now })
    .where(
      and(
        eq(authTokens.kind, 'email_confirmation'),
        isNull(authTokens.consumedAt),
        sql`${authTokens.payload}->>'onboardingSessionId' = ${input.wizardId}`,
      ),
    );
  const [existing] = await tx.select({ id: users.id, status: users.status }).from(users).where(eq(users.email, input.email));
  if (existing && existing.status !== 'pending') {
    await enqueueMail(tx, {
      template: 'account-exists',
      to: input.email,
      subject: accountExistsSubject,
      element: createElement(AccountExistsEmail, { caisse, organisationName: input.organisationName, appUrl: env.appUrl }),
    });
    return;
  }
  const token = await createAuthToken(tx, {
    kind: 'email_confirmation',
    organisationId: input.organisationId,
    payload: { onboardingSessionId: input.wizardId },
    ttlSeconds: CONFIRMATION_TTL_SECONDS,
    now: input.now,
  });
  await enqueueMail(tx, {
    template: 'confirm-account',
    to: input.email,
    subject: confirmAccountSubject,
    element: createElement(ConfirmAccountEmail, {
      caisse,
      organisationName: input.organisationName,
      siret: formatSiret(input.siret),
      confirmUrl: `${env.appUrl}/premiere-connexion/confirmer?token=${encodeURIComponent(token)}`,
      validHours: CONFIRMATION_TTL_SECONDS / 3600,
    }),
  });
}

/**
 * Step 3: email typed twice, password typed twice and checked by the policy. Nothing is created yet:
 * the address and the password's hash wait in the wizard until the emailed link is used.
 */
export async function saveAccount(
  db: Db,
  input: { wizardId: string; values: Partial<AccountInput>; meta: RequestMeta },
  { now = new Date() }: Clock = {},
): Promise<{ ok: true } | FormFailure<AccountField>> {
  const row = await getWizardForUpdate(db, input.wizardId);
  if (!row || !row.session.credentialId || !row.session.organisationId || !row.orgName || !row.orgSiret) {
    return { ok: false, message: 'Vérifiez d’abord vos courriers (étape 2).' };
  }
  const parsed = accountSchema.safeParse({
    email: input.values.email ?? '',
    emailConfirmation: input.values.emailConfirmation ?? '',
    password: input.values.password ?? '',
    passwordConfirmation: input.values.passwordConfirmation ?? '',
  });
  const fieldErrors: Partial<Record<AccountField, string>> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const password = input.values.password ?? '';
  if (!fieldErrors.password && password) {
    const policy = checkPasswordPolicy(password, [row.orgName, row.orgSiret, input.values.email ?? '']);
    if (!policy.ok) fieldErrors.password = policy.feedback.join(' ');
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  const rate = await hitRateLimit(db, `onboarding.account:${input.wizardId}`, { ...ACCOUNT_SUBMIT_LIMIT, now });
  if (!rate.allowed) {
    return { ok: false, message: `Trop de tentatives. Réessayez dans ${Math.ceil(rate.retryAfterSeconds / 60)} minutes.` };
  }
  const passwordHash = await hashPassword(parsed.data.password);
  const { email } = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(onboardingSessions)
      .set({
        email,
        passwordHash,
        stepReached: 4,
        confirmationSentAt: now,
        confirmationExpiresAt: new Date(now.getTime() + CONFIRMATION_TTL_SECONDS * 1000),
        expiresAt: slide(now),
      })
      .where(eq(onboardingSessions.id, input.wizardId));
    await sendConfirmation(tx, {
      wizardId: input.wizardId,
      organisationId: row.session.organisationId!,
      organisationName: row.orgName!,
      siret: row.orgSiret!,
      email,
      now,
    });
  });
  await recordAudit(db, {
    action: 'onboarding.account',
    outcome: 'success',
    subjectOrganisationId: row.session.organisationId,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    details: { step: 3 },
  });
  return { ok: true };
}

export type ResendResult = { ok: true } | { ok: false; reason: 'cooldown' | 'throttled' | 'not_ready'; retryAfterSeconds: number };

/** « Renvoyer le courriel »: at most one a minute and three an hour per wizard. */
export async function resendConfirmation(db: Db, input: { wizardId: string; meta: RequestMeta }, { now = new Date() }: Clock = {}): Promise<ResendResult> {
  const row = await getWizardForUpdate(db, input.wizardId);
  const s = row?.session;
  if (!row || !s || s.stepReached < 4 || !s.email || !s.passwordHash || !s.organisationId || !row.orgName || !row.orgSiret) {
    return { ok: false, reason: 'not_ready', retryAfterSeconds: 0 };
  }
  if (s.confirmationSentAt) {
    const elapsed = (now.getTime() - s.confirmationSentAt.getTime()) / 1000;
    if (elapsed < RESEND_COOLDOWN_SECONDS) return { ok: false, reason: 'cooldown', retryAfterSeconds: Math.ceil(RESEND_COOLDOWN_SECONDS - elapsed) };
  }
  const rate = await hitRateLimit(db, `onboarding.resend:${input.wizardId}`, { ...RESEND_LIMIT, now });
  if (!rate.allowed) {
    await recordAudit(db, { action: 'onboarding.resend', outcome: 'throttled', subjectOrganisationId: s.organisationId, ip: input.meta.ip, userAgent: input.meta.userAgent });
    return { ok: false, reason: 'throttled', retryAfterSeconds: rate.retryAfterSeconds };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(onboardingSessions)
      .set({ confirmationSentAt: now, confirmationExpiresAt: new Date(now.getTime() + CONFIRMATION_TTL_SECONDS * 1000), expiresAt: slide(now) })
      .where(eq(onboardingSessions.id, input.wizardId));
    await sendConfirmation(tx, { wizardId: s.id, organisationId: s.organisationId!, organisationName: row.orgName!, siret: row.orgSiret!, email: s.email!, now });
  });
  await recordAudit(db, { action: 'onboarding.resend', outcome: 'success', subjectOrganisationId: s.organisationId, ip: input.meta.ip, userAgent: input.meta.userAgent });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------
// The confirmation link

export type ConfirmationView =
  | { status: 'valid'; organisationName: string; email: string }
  | { status: 'expired' | 'used' | 'unknown' | 'unavailable' };

/** What the link's page shows (GET never consumes anything: mail scanners open links). */
export async function getConfirmation(db: Db, token: string, { now = new Date() }: Clock = {}): Promise<ConfirmationView> {
  const found = await inspectAuthToken(db, 'email_confirmation', token, now);
  if (found.status !== 'valid') return { status: found.status };
  const wizardId = String(found.token.payload.onboardingSessionId ?? '');
  const [row] = await db
    .select({ email: onboardingSessions.email, orgName: organisations.name, activatedAt: organisations.activatedAt })
    .from(onboardingSessions)
    .innerJoin(organisations, eq(organisations.id, onboardingSessions.organisationId))
    .where(eq(onboardingSessions.id, wizardId));
  if (!row || !row.email) return { status: 'unknown' };
  if (row.activatedAt) return { status: 'unavailable' };
  return { status: 'valid', organisationName: row.orgName, email: row.email };
}

export type ActivationResult =
  | { status: 'activated'; userId: string; organisationId: string; loginToken: string }
  | { status: 'expired' | 'used' | 'unknown' | 'letters_unavailable' | 'already_activated' | 'email_taken' };

/**
 * « Confirmer la création de mon espace », in ONE transaction: the link is consumed, the user created
 * (or a pending one activated) with the password chosen at step 3, made the organisation's admin, the
 * organisation marked activated, and its letters consumed so that they can never serve again. Returns
 * a single-use login token for Auth.js. Any refusal after the link was consumed keeps it consumed.
 */
export async function activateAccount(db: Db, input: { token: string; meta: RequestMeta }, { now = new Date() }: Clock = {}): Promise<ActivationResult> {
  const result = await db.transaction(async (tx): Promise<ActivationResult & { subject?: string | null }> => {
    const found = await consumeAuthToken(tx, 'email_confirmation', input.token, now);
    if (found.status !== 'valid') return { status: found.status };
    const wizardId = String(found.token.payload.onboardingSessionId ?? '');
    const [session] = await tx.select().from(onboardingSessions).where(eq(onboardingSessions.id, wizardId)).for('update');
    if (!session || !session.email || !session.passwordHash || !session.credentialId || !session.organisationId) return { status: 'unknown' };
    const subject = session.organisationId;

    const [org] = await tx.select().from(organisations).where(eq(organisations.id, session.organisationId)).for('update');
    if (!org) return { status: 'unknown' };
    if (org.activatedAt) return { status: 'already_activated', subject };
    const [credential] = await tx.select().from(provisionalCredentials).where(eq(provisionalCredentials.id, session.credentialId)).for('update');
    if (!credential || credential.consumedAt || credential.supersededAt || credential.lockedAt || credential.expiresAt <= now) {
      return { status: 'letters_unavailable', subject };
    }

    const [existing] = await tx.select().from(users).where(eq(users.email, session.email)).for('update');
    // The address became an account after step 3 (another company's wizard, an invitation accepted…).
    if (existing && existing.status !== 'pending') return { status: 'email_taken', subject };
    let userId: string;
    if (existing) {
      await tx
        .update(users)
        .set({ passwordHash: session.passwordHash, status: 'active', emailVerifiedAt: now })
        .where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: session.email, passwordHash: session.passwordHash, status: 'active', emailVerifiedAt: now })
        .returning({ id: users.id });
      userId = created!.id;
    }
    await tx
      .insert(organisationMembers)
      .values({ organisationId: org.id, userId, role: 'admin' })
      .onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role: 'admin' } });
    await tx.update(organisations).set({ activatedAt: now }).where(eq(organisations.id, org.id));
    // Every outstanding letter of the organisation dies with the activation, not only the pair used.
    await tx
      .update(provisionalCredentials)
      .set({ consumedAt: now })
      .where(and(eq(provisionalCredentials.organisationId, org.id), isNull(provisionalCredentials.consumedAt)));
    await tx.update(onboardingSessions).set({ completedAt: now, passwordHash: null }).where(eq(onboardingSessions.id, session.id));
    const loginToken = await createAuthToken(tx, { kind: 'login', userId, ttlSeconds: LOGIN_TOKEN_TTL_SECONDS, now });
    return { status: 'activated', userId, organisationId: org.id, loginToken, subject };
  });

  const { subject, ...answer } = result;
  await recordAudit(db, {
    action: 'onboarding.activate',
    outcome: answer.status === 'activated' ? 'success' : 'failure',
    actorUserId: answer.status === 'activated' ? answer.userId : null,
    subjectOrganisationId: subject ?? null,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    details: answer.status === 'activated' ? {} : { reason: answer.status },
  });
  return answer as ActivationResult;
}
