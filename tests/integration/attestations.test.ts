import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attestationVerifications, attestations, auditLog, organisations, users } from '@/db/schema';
import { demoAttestationUser, demoCompanies, demoUsers, seedDemo } from '@/db/seed';
import { canActOnAttestations } from '@/lib/attestations/access';
import { revokeAttestationCommand } from '@/lib/attestations/cli';
import { formatVerificationCode, parseVerificationCode } from '@/lib/attestations/code';
import type { AttestationConfig } from '@/lib/attestations/config';
import { generateSigningJwk, parseSigningKeySet } from '@/lib/attestations/keys';
import { issueAttestation } from '@/lib/attestations/mutations';
import { getAttestationPdfForUser, listCompanyAttestations } from '@/lib/attestations/queries';
import { toVerificationJson, verifyAttestation, VERIFY_RATE_LIMIT } from '@/lib/attestations/verify';
import { getUpToDateStatus } from '@/lib/companies/status';
import { decodeQrCodesInPdfImages, readPdfText } from '../support/pdf';
import { engines, useTestDatabase } from '../support/db';

const config: AttestationConfig = {
  keys: parseSigningKeySet(JSON.stringify({ keys: [generateSigningJwk('test-2026-1')] })),
  validityMonths: 3,
  appUrl: 'https://espace.cibtp-grandest.test',
};

const silentIo = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
};

let ipCounter = 0;
/** Each check from its own address, so the per-IP limit only matters where a test means it. */
const nextIp = () => `198.51.100.${++ipCounter}`;

describe.each(engines)('attestations de mise à jour (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const ids = { reims: '', strasbourg: '', nancy: '', champagneUser: '', rhenaneUser: '', cabinetUser: '' };

  beforeAll(async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    for (const key of ['reims', 'strasbourg', 'nancy'] as const) {
      const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, demoCompanies[key].siret));
      ids[key] = row!.id;
    }
    const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    ids.champagneUser = await userId(demoAttestationUser.email);
    ids.rhenaneUser = await userId(demoUsers.rhenane.email);
    ids.cabinetUser = await userId(demoUsers.cabinet.email);
  });

  const issueForReims = (now = new Date('2026-11-27T09:30:00Z')) =>
    issueAttestation(db(), { userId: ids.champagneUser, companyId: ids.reims, now, ip: '203.0.113.7' }, config);

  it('issues an attestation to a user of an up-to-date company, stored with its PDF, and lists it in the history', async () => {
    const result = await issueForReims();
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const a = result.attestation;
    expect(a.number).toMatch(/^ATT-2026-\d{6}$/);
    expect(parseVerificationCode(a.code)).toEqual({ ok: true, code: a.code });
    expect(a.issuedOn).toBe('2026-11-27');
    expect(a.validUntil).toBe('2027-02-26');
    expect(a.pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const [row] = await db().select().from(attestations).where(eq(attestations.id, a.id));
    expect(row).toMatchObject({ companyName: 'Charpentes Champenoises Démo SARL', siret: '94567890200012', kid: 'test-2026-1', revokedAt: null });
    expect(row!.pdf.equals(a.pdf)).toBe(true);
    expect(row!.pdfSha256).toBe(createHash('sha256').update(a.pdf).digest('hex'));

    const history = await listCompanyAttestations(db(), ids.reims);
    expect(history.find((h) => h.number === a.number)).toMatchObject({ issuedOn: '2026-11-27', validUntil: '2027-02-26', verificationCount: 0, revokedAt: null });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'attestation_issue'), eq(auditLog.subjectOrganisationId, ids.reims)));
    expect(audit.some((e) => e.outcome === 'success' && e.details.number === a.number)).toBe(true);
  });

  it('refuses a company that is not up to date, with what is missing, and issues nothing', async () => {
    const before = await db().select({ id: attestations.id }).from(attestations);
    const now = new Date('2026-11-27T09:30:00Z');
    const unpaid = { kind: 'amount_unpaid', label: expect.stringMatching(/^Cotisation de septembre 2026 impayée : .+ à régler \(échéance du 14\/11\/2026\)$/), href: '/espace/paiements' };
    expect(await getUpToDateStatus(db(), ids.strasbourg, now)).toEqual({ upToDate: false, reasons: [unpaid] });
    const result = await issueAttestation(db(), { userId: ids.rhenaneUser, companyId: ids.strasbourg, now }, config);
    expect(result).toEqual({ ok: false, reason: 'not_up_to_date', reasons: [unpaid] });
    expect(await db().select({ id: attestations.id }).from(attestations)).toHaveLength(before.length);
    expect(await listCompanyAttestations(db(), ids.strasbourg)).toEqual([]);
  });

  it('re-downloads the stored bytes, identical each time, and never reuses a number', async () => {
    const first = await issueForReims();
    const second = await issueForReims();
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.attestation.number).not.toBe(first.attestation.number);
    const again1 = await getAttestationPdfForUser(db(), ids.champagneUser, first.attestation.number);
    const again2 = await getAttestationPdfForUser(db(), ids.champagneUser, first.attestation.number);
    expect(again1!.pdf.equals(first.attestation.pdf)).toBe(true);
    expect(again2!.pdf.equals(first.attestation.pdf)).toBe(true);
    expect(again1!.sha256).toBe(createHash('sha256').update(first.attestation.pdf).digest('hex'));
    expect(second.attestation.pdf.equals(first.attestation.pdf)).toBe(false);
  });

  it('serves bytes kept in memory only to whom the row allows, and only while they are the row’s', async () => {
    const issued = await issueForReims();
    if (!issued.ok) throw new Error('refused');
    const { number, pdf } = issued.attestation;
    expect((await getAttestationPdfForUser(db(), ids.champagneUser, number))!.pdf.equals(pdf)).toBe(true); // now kept
    // Still the right checked on every download, kept bytes or not.
    expect(await getAttestationPdfForUser(db(), ids.rhenaneUser, number)).toBeNull();
    expect(await getAttestationPdfForUser(db(), null, number)).toBeNull();
    // The same number with other bytes (a database restored or re-seeded): the row's bytes, not the kept ones.
    const other = Buffer.concat([pdf, Buffer.from('\n% autre\n')]);
    await db()
      .update(attestations)
      .set({ pdf: other, pdfSha256: createHash('sha256').update(other).digest('hex') })
      .where(eq(attestations.number, number));
    expect((await getAttestationPdfForUser(db(), ids.champagneUser, number))!.pdf.equals(other)).toBe(true);
    // A row gone is a 404 whatever is kept.
    await db().delete(attestations).where(eq(attestations.number, number));
    expect(await getAttestationPdfForUser(db(), ids.champagneUser, number)).toBeNull();
  });

  it('gives nothing to another company’s user, an accounting firm without delegation or an anonymous caller (the routes answer 404)', async () => {
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const number = result.attestation.number;
    expect(await getAttestationPdfForUser(db(), ids.rhenaneUser, number)).toBeNull();
    expect(await getAttestationPdfForUser(db(), null, number)).toBeNull();
    expect(await getAttestationPdfForUser(db(), ids.cabinetUser, number)).toBeNull();
    expect(await issueAttestation(db(), { userId: ids.cabinetUser, companyId: ids.reims }, config)).toEqual({ ok: false, reason: 'not_found' });
    expect(await getAttestationPdfForUser(db(), ids.champagneUser, 'ATT-2026-999999')).toBeNull();
    expect(await canActOnAttestations(db(), ids.rhenaneUser, ids.reims, 'read')).toBe(false);
    expect(await canActOnAttestations(db(), ids.champagneUser, ids.reims, 'write')).toBe(true);
    expect(await canActOnAttestations(db(), ids.champagneUser, 'not-a-uuid', 'read')).toBe(false);
    // Issuing for a company one does not belong to, even an up-to-date one, is the same 404.
    expect(await issueAttestation(db(), { userId: ids.rhenaneUser, companyId: ids.nancy }, config)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('prints company, SIRET, number and code; its QR gives the verification URL, whose verdict is authentique et valide', async () => {
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const { pdf, number, code } = result.attestation;
    const text = (await readPdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Attestation de mise à jour');
    expect(text).toContain('Charpentes Champenoises Démo SARL');
    expect(text).toContain('945 678 902 00012');
    expect(text).toContain(number);
    expect(text).toContain(formatVerificationCode(code));
    expect(text).toContain('26 février 2027');
    expect(text).toContain('à jour de ses déclarations et du paiement de ses cotisations');

    const [qr] = await decodeQrCodesInPdfImages(pdf);
    expect(qr).toBeDefined();
    const url = new URL(qr!);
    expect(`${url.origin}${url.pathname}`).toBe(`${config.appUrl}/verifier/${formatVerificationCode(code)}`);
    const v = await verifyAttestation(
      db(),
      { code: decodeURIComponent(url.pathname.split('/').pop()!), signature: url.searchParams.get('s'), channel: 'page', ip: nextIp() },
      config,
    );
    expect(v).toMatchObject({ verdict: 'valid', signature: 'verified', kid: 'test-2026-1', attestation: { number, siret: '94567890200012' } });
  });

  it('answers each verdict, counts verifications, and calls an edited or foreign signature non authentique', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const { code, number } = result.attestation;
    const [row] = await db().select({ jws: attestations.signedPayload }).from(attestations).where(eq(attestations.number, number));
    const jws = row!.jws;

    const typed = await verifyAttestation(db(), { code: formatVerificationCode(code).toLowerCase().replace(/-/g, ''), channel: 'page', ip: nextIp(), now }, config);
    expect(typed).toMatchObject({ verdict: 'valid', signature: 'absent' });
    const api = toVerificationJson(await verifyAttestation(db(), { code, signature: jws, channel: 'api', ip: nextIp(), now }, config));
    expect(api).toEqual({
      status: 200,
      body: {
        verdict: 'valid',
        label: 'authentique et valide',
        code: formatVerificationCode(code),
        signature: 'verified',
        kid: 'test-2026-1',
        attestation: { number, companyName: 'Charpentes Champenoises Démo SARL', siret: '94567890200012', issuedOn: '2026-11-27', validUntil: '2027-02-26' },
      },
    });

    // The payload edited (another SIRET), the signature kept: not authentic, whatever the code says.
    const [h, p, s] = jws.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const edited = `${h}.${Buffer.from(JSON.stringify({ ...claims, siret: '92345678400019' })).toString('base64url')}.${s}`;
    expect(await verifyAttestation(db(), { code, signature: edited, channel: 'page', ip: nextIp(), now }, config)).toEqual({
      verdict: 'not_authentic',
      code: formatVerificationCode(code),
    });
    // A genuine signature of another attestation pasted next to this code: not authentic either.
    const other = await issueForReims();
    if (!other.ok) throw new Error('refused');
    const [otherRow] = await db().select({ jws: attestations.signedPayload }).from(attestations).where(eq(attestations.number, other.attestation.number));
    expect((await verifyAttestation(db(), { code, signature: otherRow!.jws, channel: 'page', ip: nextIp(), now }, config)).verdict).toBe('not_authentic');
    // Signed with keys the caisse does not publish (an older test key set): not authentic.
    const foreign: AttestationConfig = { ...config, keys: parseSigningKeySet(JSON.stringify({ keys: [generateSigningJwk('test-2026-1')] })) };
    expect((await verifyAttestation(db(), { code, signature: jws, channel: 'api', ip: nextIp(), now }, foreign)).verdict).toBe('not_authentic');

    const history = await listCompanyAttestations(db(), ids.reims);
    // The two genuine checks count; the forged ones were refused on their signature and are not recorded.
    expect(history.find((x) => x.number === number)!.verificationCount).toBe(2);

    expect(await verifyAttestation(db(), { code: '7KQ2-M9XD-4TFA-RC38', channel: 'api', ip: nextIp(), now }, config)).toMatchObject({ verdict: 'unknown' });
    const typo = code.slice(0, 3) + (code[3] === '7' ? '8' : '7') + code.slice(4);
    const mistyped = await verifyAttestation(db(), { code: typo, channel: 'page', ip: nextIp(), now }, config);
    expect(mistyped).toMatchObject({ verdict: 'invalid_code', message: expect.stringContaining('faute de frappe') });
    expect(toVerificationJson(mistyped).status).toBe(400);
  });

  it('keeps a scanned QR authentic after a key rotation, not once its key is withdrawn; a record without its key’s public part is verified with the keys', async () => {
    const now = new Date('2026-11-28T11:00:00Z');
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const { code, number } = result.attestation;
    const [row] = await db().select({ jws: attestations.signedPayload, x: attestations.signingKeyX }).from(attestations).where(eq(attestations.number, number));
    expect(row!.x).toBe(config.keys.active.privateJwk.x);
    const verify = (c: AttestationConfig) => verifyAttestation(db(), { code, signature: row!.jws, channel: 'page', ip: nextIp(), now }, c);

    // A new signing key, the old one still published: the old QR still says signature verified, with its kid.
    const { d: _d, ...oldPublic } = config.keys.active.privateJwk;
    void _d;
    const rotated: AttestationConfig = { ...config, keys: parseSigningKeySet(JSON.stringify({ keys: [generateSigningJwk('test-2027-1'), { ...oldPublic, kid: 'test-2026-1' }] })) };
    expect(await verify(rotated)).toMatchObject({ verdict: 'valid', signature: 'verified', kid: 'test-2026-1', attestation: { number } });
    // The old key withdrawn from the published set: not authentic any more.
    const withdrawn: AttestationConfig = { ...config, keys: parseSigningKeySet(JSON.stringify({ keys: [generateSigningJwk('test-2027-1')] })) };
    expect((await verify(withdrawn)).verdict).toBe('not_authentic');

    // Issued before the key's public part was stored: the signature is checked with the published keys.
    await db().update(attestations).set({ signingKeyX: null }).where(eq(attestations.number, number));
    expect(await verify(rotated)).toMatchObject({ verdict: 'valid', signature: 'verified', kid: 'test-2026-1' });
    expect((await verify(withdrawn)).verdict).toBe('not_authentic');

    // Recorded: the two authentic scans, each with its signature verified; not the two refused ones.
    const recorded = await db()
      .select({ signed: attestationVerifications.isSignatureVerified })
      .from(attestationVerifications)
      .where(eq(attestationVerifications.attestationId, result.attestation.id));
    expect(recorded.map((r) => r.signed)).toEqual([true, true]);
  });

  it('revokes through the caisse command: the next verification says révoquée and when, never why', async () => {
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const { number, code } = result.attestation;

    const usage = silentIo();
    expect(await revokeAttestationCommand(db(), [number], usage.io)).toBe(2);
    expect(usage.lines.join('\n')).toContain('--reason');
    expect(await revokeAttestationCommand(db(), ['pas-un-numero', '--reason', 'x x x'], silentIo().io)).toBe(2);
    const unknown = silentIo();
    expect(await revokeAttestationCommand(db(), ['ATT-2026-999999', '--reason', 'Erreur de saisie'], unknown.io)).toBe(1);
    expect(unknown.lines.join('\n')).toContain('Aucune attestation');

    const done = silentIo();
    expect(await revokeAttestationCommand(db(), [number.toLowerCase(), '--reason', 'Délivrée sur une situation erronée'], done.io)).toBe(0);
    expect(done.lines.join('\n')).toContain(`Attestation ${number} révoquée`);
    expect(await revokeAttestationCommand(db(), [number, '--reason', 'encore'], silentIo().io)).toBe(1);

    const v = await verifyAttestation(db(), { code, channel: 'api', ip: nextIp() }, config);
    expect(v).toMatchObject({ verdict: 'revoked', revokedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()) });
    const json = JSON.stringify(toVerificationJson(v).body);
    expect(json).toContain('"label":"révoquée"');
    expect(json).not.toContain('erronée');
    const [row] = await db().select().from(attestations).where(eq(attestations.number, number));
    expect(row).toMatchObject({ revocationReason: 'Délivrée sur une situation erronée' });
    expect(row!.revokedBy).toMatch(/^cli:/);
  });

  it('expires after its validity end (clock injected)', async () => {
    const result = await issueForReims(new Date('2026-01-10T10:00:00Z'));
    if (!result.ok) throw new Error('refused');
    const { code, validUntil } = result.attestation;
    expect(validUntil).toBe('2026-04-09');
    // 9 April 2026, 23:30 in Paris (21:30 UTC): still the last day.
    const lastDay = await verifyAttestation(db(), { code, channel: 'page', ip: nextIp(), now: new Date('2026-04-09T21:30:00Z') }, config);
    expect(lastDay.verdict).toBe('valid');
    // 10 April, 00:30 in Paris: expired since that day.
    const dayAfter = await verifyAttestation(db(), { code, channel: 'page', ip: nextIp(), now: new Date('2026-04-09T22:30:00Z') }, config);
    expect(dayAfter).toMatchObject({ verdict: 'expired', expiredSince: '2026-04-10' });
    expect(toVerificationJson(dayAfter).body).toMatchObject({ label: 'expirée', expiredSince: '2026-04-10' });

    const sixMonths = await issueAttestation(db(), { userId: ids.champagneUser, companyId: ids.reims, now: new Date('2026-01-10T10:00:00Z') }, { ...config, validityMonths: 6 });
    expect(sixMonths.ok && sixMonths.attestation.validUntil).toBe('2026-07-09');
  });

  it('limits verifications per IP address', async () => {
    const result = await issueForReims();
    if (!result.ok) throw new Error('refused');
    const now = new Date('2026-11-29T10:00:10Z');
    const ip = nextIp();
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++) {
      expect((await verifyAttestation(db(), { code: result.attestation.code, channel: 'api', ip, now }, config)).verdict).toBe('valid');
    }
    const throttled = await verifyAttestation(db(), { code: result.attestation.code, channel: 'api', ip, now }, config);
    expect(throttled).toEqual({ verdict: 'throttled', retryAfterSeconds: 50 });
    expect(toVerificationJson(throttled)).toMatchObject({ status: 429, headers: { 'retry-after': '50' } });
    expect((await verifyAttestation(db(), { code: result.attestation.code, channel: 'api', ip: nextIp(), now }, config)).verdict).toBe('valid');
  });

  it('answers verifications arriving together (one statement for many) each exactly: its own attestation, rank in its IP’s limit and record', async () => {
    const a = await issueForReims();
    const b = await issueForReims();
    if (!a.ok || !b.ok) throw new Error('refused');
    await revokeAttestationCommand(db(), [b.attestation.number, '--reason', 'test'], silentIo().io);
    const now = new Date('2026-11-29T11:00:05Z');
    const busyIp = nextIp();
    const verify = (code: string, ip: string, signature?: string) => verifyAttestation(db(), { code, signature, channel: 'api', ip, now }, config);
    const [signed] = await db().select({ jws: attestations.signedPayload }).from(attestations).where(eq(attestations.id, a.attestation.id));
    // 70 checks of A from one address, interleaved with checks of B, an unknown code and A with its signature from others, all at once.
    const calls: Promise<Awaited<ReturnType<typeof verify>>>[] = [];
    for (let i = 0; i < 70; i++) {
      calls.push(verify(a.attestation.code, busyIp));
      if (i % 10 === 0) calls.push(verify(b.attestation.code, nextIp()), verify('7KQ2M9XD4TFARC38', nextIp()), verify(a.attestation.code, nextIp(), signed!.jws));
    }
    const results = await Promise.all(calls);
    // The busy address's checks: A without signature, valid or throttled (every other address checks once).
    const busy = results.filter((r) => r.verdict === 'throttled' || (r.verdict === 'valid' && r.signature === 'absent'));
    expect(busy.filter((r) => r.verdict === 'valid')).toHaveLength(VERIFY_RATE_LIMIT.limit);
    expect(busy.filter((r) => r.verdict === 'throttled')).toHaveLength(70 - VERIFY_RATE_LIMIT.limit);
    expect(results.filter((r) => r.verdict === 'revoked')).toHaveLength(7);
    expect(results.filter((r) => r.verdict === 'unknown')).toHaveLength(7);
    const signedOk = results.filter((r) => r.verdict === 'valid' && r.signature === 'verified');
    expect(signedOk).toHaveLength(7);
    for (const r of signedOk) expect(r).toMatchObject({ attestation: { number: a.attestation.number } });
    for (const r of results.filter((r) => r.verdict === 'revoked')) expect(r).toMatchObject({ attestation: { number: b.attestation.number } });

    // Recorded: A's 60 allowed plain checks and 7 signed ones, B's 7; nothing for the throttled or the unknown.
    const history = await listCompanyAttestations(db(), ids.reims);
    expect(history.find((h) => h.number === a.attestation.number)?.verificationCount).toBe(VERIFY_RATE_LIMIT.limit + 7);
    expect(history.find((h) => h.number === b.attestation.number)?.verificationCount).toBe(7);
  });
});
