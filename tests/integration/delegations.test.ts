import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, declarations, mailOutbox, organisations } from '@/db/schema';
import { authorize, canActFor } from '@/lib/access';
import { listCompanyHistory } from '@/lib/access/queries';
import { inviteFirmAndOffer, offerDelegation, requestDelegation, respondToDelegation, revokeDelegation } from '@/lib/delegations/mutations';
import { listCompanyDelegations, listFirmClients, listFirmPending, needsLegacyRenewal, searchFirms } from '@/lib/delegations/queries';
import { engines, useTestDatabase } from '../support/db';
import { actorOf, companyWithAdmin, firmWithAdmin, getDelegation, uniqueSiret } from '../support/access-fixtures';

const now = new Date('2026-11-27T10:00:00Z');
const today = '2026-11-27';

describe.each(engines)('delegations (%s)', (engine) => {
  const db = useTestDatabase(engine);

  async function mailsTo(address: string) {
    return db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
  }

  it('company offers → firm accepts: active from then on, for the delegated areas only; both sides audited on the company', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const offered = await offerDelegation(db(), {
      companyId: company.id,
      firmId: firm.id,
      areas: { declarations: 'write', attestations: 'read' },
      endsOn: '2027-06-30',
      actor: actorOf(admin.id, company.id),
      now,
      appUrl: 'https://espace.test',
    });
    if (!offered.ok) throw new Error(offered.message);
    const id = offered.value.delegationId;
    const [offerMail] = await mailsTo(firmAdmin.email);
    expect(offerMail!.subject).toBe(`${company.name} vous délègue ses démarches CIBTP`);
    expect(offerMail!.text).toContain('https://espace.test/espace/clients#a-traiter');
    expect(offerMail!.text).toContain('Déclarations : saisie');
    expect(offerMail!.text).toContain('30 juin 2027');

    const ask = (area: 'declarations' | 'attestations' | 'payments', action: 'read' | 'write') =>
      authorize(db(), { userId: firmAdmin.id, companyId: company.id, area, action, now });
    expect((await ask('declarations', 'read')).allowed).toBe(false); // not yet accepted
    expect((await listFirmPending(db(), firm.id)).offers).toMatchObject([{ id, companyName: company.name }]);

    // the company cannot accept its own offer
    expect(await respondToDelegation(db(), { delegationId: id, side: 'company', organisationId: company.id, accept: true, actor: actorOf(admin.id, company.id), now })).toMatchObject({ ok: false, code: 'not_found' });
    // another firm cannot accept it
    const stranger = await firmWithAdmin(db());
    expect(await respondToDelegation(db(), { delegationId: id, side: 'firm', organisationId: stranger.firm.id, accept: true, actor: actorOf(stranger.admin.id, stranger.firm.id), now })).toMatchObject({ ok: false, code: 'not_found' });

    const accepted = await respondToDelegation(db(), { delegationId: id, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now });
    expect(accepted).toMatchObject({ ok: true });
    expect(await getDelegation(db(), id)).toMatchObject({ status: 'active', respondedByUserId: firmAdmin.id });
    expect((await ask('declarations', 'write')).allowed).toBe(true);
    expect((await ask('attestations', 'read')).allowed).toBe(true);
    expect((await ask('attestations', 'write')).allowed).toBe(false);
    expect((await ask('payments', 'read')).allowed).toBe(false);
    const [answer] = await mailsTo(admin.email);
    expect(answer!.subject).toBe(`Délégation acceptée par ${firm.name}`);

    // the audit entry names both the firm (actor organisation) and the company (subject)
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'delegation.accept'), eq(auditLog.subjectOrganisationId, company.id)));
    expect(entry).toMatchObject({ actorUserId: firmAdmin.id, actorOrganisationId: firm.id, subjectOrganisationId: company.id, outcome: 'success' });
    const history = await listCompanyHistory(db(), company.id);
    expect(history.rows.find((r) => r.action === 'delegation.accept')).toMatchObject({
      actorOrganisationName: firm.name,
      actorOrganisationKind: 'accounting_firm',
      actorFirstName: 'Claire',
      actorLastName: 'Martin',
    });
    expect(history.rows.find((r) => r.action === 'delegation.offer')).toMatchObject({ actorOrganisationId: company.id });

    // a firm's refused attempt outside its areas is in the company's history too, with the firm
    const denied = history.rows.find((r) => r.action === 'access.payments.read');
    expect(denied).toMatchObject({ outcome: 'denied', actorOrganisationId: firm.id });

    expect((await listFirmClients(db(), { firmId: firm.id, today })).rows).toMatchObject([
      { companyId: company.id, areas: { declarations: 'write', attestations: 'read' }, endsOn: '2027-06-30', isUpToDate: true },
    ]);
    // a second offer while one is live is refused
    expect(await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { leave: 'read' }, endsOn: null, actor: actorOf(admin.id, company.id), now })).toMatchObject({
      ok: false,
      code: 'already_live',
    });
  });

  it('firm declines an offer: nothing opens, the company is told', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const offered = await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { leave: 'write' }, endsOn: null, actor: actorOf(admin.id, company.id), now });
    if (!offered.ok) throw new Error(offered.message);
    expect(await respondToDelegation(db(), { delegationId: offered.value.delegationId, side: 'firm', organisationId: firm.id, accept: false, actor: actorOf(firmAdmin.id, firm.id), now })).toMatchObject({ ok: true });
    expect(await getDelegation(db(), offered.value.delegationId)).toMatchObject({ status: 'declined' });
    expect((await authorize(db(), { userId: firmAdmin.id, companyId: company.id, area: 'leave', action: 'read', now })).allowed).toBe(false);
    expect((await mailsTo(admin.email)).map((m) => m.subject)).toEqual([`Délégation refusée par ${firm.name}`]);
    // answering twice is not possible
    expect(await respondToDelegation(db(), { delegationId: offered.value.delegationId, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now })).toMatchObject({ ok: false, code: 'not_found' });
    // and a new offer is possible after a refusal
    expect(await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { leave: 'read' }, endsOn: null, actor: actorOf(admin.id, company.id), now })).toMatchObject({ ok: true });
  });

  it('firm asks a company by SIRET → the company accepts (or declines)', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const unknown = await requestDelegation(db(), { firmId: firm.id, siret: uniqueSiret(), areas: { declarations: 'read' }, endsOn: null, actor: actorOf(firmAdmin.id, firm.id), now });
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_company', field: 'siret' });
    // a firm's SIRET is not a company
    const other = await firmWithAdmin(db());
    expect(await requestDelegation(db(), { firmId: firm.id, siret: other.firm.siret, areas: { declarations: 'read' }, endsOn: null, actor: actorOf(firmAdmin.id, firm.id), now })).toMatchObject({ ok: false, code: 'unknown_company' });

    const asked = await requestDelegation(db(), {
      firmId: firm.id,
      siret: company.siret,
      areas: { declarations: 'write', payments: 'read' },
      endsOn: null,
      note: 'Suite à notre rendez-vous.',
      actor: actorOf(firmAdmin.id, firm.id),
      now,
    });
    if (!asked.ok) throw new Error(asked.message);
    const [mail] = await mailsTo(admin.email);
    expect(mail!.subject).toBe(`${firm.name} demande à gérer vos démarches CIBTP`);
    expect(mail!.text).toContain('Suite à notre rendez-vous.');
    expect((await listCompanyDelegations(db(), company.id))[0]).toMatchObject({ status: 'pending_company', firmName: firm.name });
    expect((await authorize(db(), { userId: firmAdmin.id, companyId: company.id, area: 'declarations', action: 'read', now })).allowed).toBe(false);
    // the firm cannot accept its own request
    expect(await respondToDelegation(db(), { delegationId: asked.value.delegationId, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now })).toMatchObject({ ok: false, code: 'not_found' });

    expect(await respondToDelegation(db(), { delegationId: asked.value.delegationId, side: 'company', organisationId: company.id, accept: true, actor: actorOf(admin.id, company.id), now })).toMatchObject({ ok: true });
    expect((await authorize(db(), { userId: firmAdmin.id, companyId: company.id, area: 'payments', action: 'read', now })).allowed).toBe(true);
    expect((await mailsTo(firmAdmin.email)).map((m) => m.subject)).toContain(`Délégation acceptée par ${company.name}`);

    // declined variant
    const second = await companyWithAdmin(db());
    const asked2 = await requestDelegation(db(), { firmId: firm.id, siret: second.company.siret, areas: { leave: 'read' }, endsOn: null, actor: actorOf(firmAdmin.id, firm.id), now });
    if (!asked2.ok) throw new Error(asked2.message);
    expect(await respondToDelegation(db(), { delegationId: asked2.value.delegationId, side: 'company', organisationId: second.company.id, accept: false, actor: actorOf(second.admin.id, second.company.id), now })).toMatchObject({ ok: true });
    expect(await getDelegation(db(), asked2.value.delegationId)).toMatchObject({ status: 'declined' });
    expect((await authorize(db(), { userId: firmAdmin.id, companyId: second.company.id, area: 'leave', action: 'read', now })).allowed).toBe(false);
  });

  it('revocation takes effect on the very next request, and both sides are told', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const offered = await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { declarations: 'write' }, endsOn: null, actor: actorOf(admin.id, company.id), now });
    if (!offered.ok) throw new Error(offered.message);
    await respondToDelegation(db(), { delegationId: offered.value.delegationId, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now });
    const firmRequest = () => authorize(db(), { userId: firmAdmin.id, companyId: company.id, area: 'declarations', action: 'write' });
    for (let i = 0; i < 3; i++) expect((await firmRequest()).allowed).toBe(true);
    expect(await canActFor(db(), { userId: firmAdmin.id, companyId: company.id })).toBe(true);

    // another firm cannot revoke it; the company can
    const other = await firmWithAdmin(db());
    expect(await revokeDelegation(db(), { delegationId: offered.value.delegationId, side: 'firm', organisationId: other.firm.id, actor: actorOf(other.admin.id, other.firm.id) })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revokeDelegation(db(), { delegationId: offered.value.delegationId, side: 'company', organisationId: company.id, actor: actorOf(admin.id, company.id) })).toMatchObject({ ok: true });
    // no cache anywhere: the very next decision reads the revoked row
    expect(await firmRequest()).toEqual({ allowed: false, reason: 'delegation_inactive' });
    // switching to the client (« Agir pour cette entreprise ») is refused too, and the attempt is in the company's history
    expect(await canActFor(db(), { userId: firmAdmin.id, companyId: company.id })).toBe(false);
    const [attempt] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'access.act_for'), eq(auditLog.subjectOrganisationId, company.id)));
    expect(attempt).toMatchObject({ outcome: 'denied', actorUserId: firmAdmin.id, actorOrganisationId: firm.id });
    expect((await listFirmClients(db(), { firmId: firm.id, today })).rows).toEqual([]);

    const subject = `Délégation révoquée : ${company.name} – ${firm.name}`;
    expect((await mailsTo(admin.email)).map((m) => m.subject)).toContain(subject);
    const firmMails = await mailsTo(firmAdmin.email);
    expect(firmMails.map((m) => m.subject)).toContain(subject);
    expect(firmMails.find((m) => m.subject === subject)!.text).toContain('révoquée par');

    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'delegation.revoke'), eq(auditLog.subjectOrganisationId, company.id)));
    expect(entry).toMatchObject({ actorUserId: admin.id, actorOrganisationId: company.id, details: { firmId: firm.id, previousStatus: 'active' } });
    // revoking twice: nothing left to revoke
    expect(await revokeDelegation(db(), { delegationId: offered.value.delegationId, side: 'company', organisationId: company.id, actor: actorOf(admin.id, company.id) })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('inviting a firm without a space creates it (not activated) and writes to the address given', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const siret = uniqueSiret();
    const r = await inviteFirmAndOffer(db(), {
      companyId: company.id,
      firmName: 'Cabinet Nouveau',
      siret,
      email: 'Contact@Cabinet-Nouveau.test',
      areas: { declarations: 'write' },
      endsOn: null,
      actor: actorOf(admin.id, company.id),
      now,
      appUrl: 'https://espace.test',
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.isNewFirm).toBe(true);
    const [firm] = await db().select().from(organisations).where(eq(organisations.siret, siret));
    expect(firm).toMatchObject({ kind: 'accounting_firm', name: 'Cabinet Nouveau', activatedAt: null, contactEmail: 'contact@cabinet-nouveau.test' });
    const [mail] = await mailsTo('contact@cabinet-nouveau.test');
    expect(mail!.text).toContain('https://espace.test/premiere-connexion');
    expect(mail!.text).toContain('pas encore d’Espace sécurisé');
    expect(await getDelegation(db(), r.value.delegationId)).toMatchObject({ status: 'pending_firm', firmId: firm!.id });
    expect(await searchFirms(db(), siret.slice(0, 9))).toMatchObject([{ id: firm!.id }]);
    expect(await searchFirms(db(), 'cabinet nouv')).toMatchObject([{ id: firm!.id }]);

    // a company's SIRET is refused
    const other = await companyWithAdmin(db());
    expect(
      await inviteFirmAndOffer(db(), { companyId: company.id, firmName: 'X', siret: other.company.siret, email: 'x@x.test', areas: { leave: 'read' }, endsOn: null, actor: actorOf(admin.id, company.id), now }),
    ).toMatchObject({ ok: false, code: 'not_a_firm', field: 'siret' });
    // an activated firm's SIRET with an unknown address: the offer goes to the firm's administrators, not to that address
    const known = await firmWithAdmin(db());
    const viaKnown = await inviteFirmAndOffer(db(), { companyId: company.id, firmName: 'Peu importe', siret: known.firm.siret, email: 'inconnu@pirate.test', areas: { leave: 'read' }, endsOn: null, actor: actorOf(admin.id, company.id), now });
    expect(viaKnown).toMatchObject({ ok: true, value: { firmId: known.firm.id, isNewFirm: false } });
    expect(await mailsTo('inconnu@pirate.test')).toEqual([]);
    expect(await mailsTo(known.admin.email)).toHaveLength(1);
  });

  it('end dates: past dates refused; a delegation stops counting after its last day; terms need an area', async () => {
    const { company, admin } = await companyWithAdmin(db());
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const actor = actorOf(admin.id, company.id);
    expect(await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { leave: 'read' }, endsOn: '2026-11-26', actor, now })).toMatchObject({ ok: false, code: 'past_end', field: 'endsOn' });
    expect(await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: {}, endsOn: null, actor, now })).toMatchObject({ ok: false, code: 'no_area' });
    const r = await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { leave: 'read' }, endsOn: '2026-12-31', actor, now });
    if (!r.ok) throw new Error(r.message);
    await respondToDelegation(db(), { delegationId: r.value.delegationId, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now });
    const at = (iso: string) => authorize(db(), { userId: firmAdmin.id, companyId: company.id, area: 'leave', action: 'read', now: new Date(iso) });
    // the last day counts until midnight in France (UTC+1 in winter)
    expect((await at('2026-12-31T10:00:00Z')).allowed).toBe(true);
    expect((await at('2026-12-31T22:59:00Z')).allowed).toBe(true);
    expect((await at('2026-12-31T23:01:00Z')).allowed).toBe(false);
    expect((await at('2027-01-01T10:00:00Z')).allowed).toBe(false);
    const ended = await listFirmClients(db(), { firmId: firm.id, today: '2027-01-02', attention: 'terminees' });
    expect(ended.rows).toMatchObject([{ companyId: company.id, isEnded: true }]);
    expect((await listFirmClients(db(), { firmId: firm.id, today: '2027-01-02' })).rows).toEqual([]);
  });

  it('the legacy-delegation banner shows until a new delegation is under way', async () => {
    const { company, admin } = await companyWithAdmin(db());
    await db().update(organisations).set({ hadLegacyDelegation: true }).where(eq(organisations.id, company.id));
    const { firm } = await firmWithAdmin(db());
    expect(await needsLegacyRenewal(db(), company.id)).toBe(true);
    const r = await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { declarations: 'write' }, endsOn: null, actor: actorOf(admin.id, company.id), now });
    expect(r.ok).toBe(true);
    expect(await needsLegacyRenewal(db(), company.id)).toBe(false);
    const other = await companyWithAdmin(db());
    expect(await needsLegacyRenewal(db(), other.company.id)).toBe(false);
  });

  it('« Mes clients »: search by name or SIRET, filter by area and attention, sort, page', async () => {
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    const made: { id: string; name: string; siret: string }[] = [];
    const specs = [
      { name: 'Alpha Maçonnerie', areas: { declarations: 'write', attestations: 'read' } as const, endsOn: null, upToDate: true },
      { name: 'Bravo Toitures', areas: { attestations: 'read' } as const, endsOn: '2026-12-10', upToDate: false },
      { name: 'Charlie Plâtrerie', areas: { leave: 'write' } as const, endsOn: '2027-09-01', upToDate: false },
      { name: 'Delta Carrelage', areas: { declarations: 'read' } as const, endsOn: '2026-12-01', upToDate: true },
    ];
    for (const s of specs) {
      const { company, admin } = await companyWithAdmin(db());
      await db().update(organisations).set({ name: s.name }).where(eq(organisations.id, company.id));
      // Not up to date: September's contribution, due on 14 November, unpaid (lib/companies/status decides).
      if (!s.upToDate)
        await db().insert(declarations).values({ companyId: company.id, period: '2026-09-01', status: 'sent', sentAt: new Date('2026-10-05T09:00:00Z'), totalContributionCents: 100_000 });
      const r = await offerDelegation(db(), { companyId: company.id, firmId: firm.id, areas: s.areas, endsOn: s.endsOn, actor: actorOf(admin.id, company.id), now });
      if (!r.ok) throw new Error(r.message);
      await respondToDelegation(db(), { delegationId: r.value.delegationId, side: 'firm', organisationId: firm.id, accept: true, actor: actorOf(firmAdmin.id, firm.id), now });
      made.push({ id: company.id, name: s.name, siret: company.siret });
    }
    const list = (o: Partial<Parameters<typeof listFirmClients>[1]>) => listFirmClients(db(), { firmId: firm.id, today, ...o }).then((r) => r.rows.map((x) => x.name));
    expect(await list({})).toEqual(['Alpha Maçonnerie', 'Bravo Toitures', 'Charlie Plâtrerie', 'Delta Carrelage']);
    expect(await list({ q: 'toit' })).toEqual(['Bravo Toitures']);
    expect(await list({ q: made[2]!.siret.slice(0, 9).replace(/(\d{3})/g, '$1 ') })).toEqual(['Charlie Plâtrerie']);
    expect(await list({ area: 'declarations' })).toEqual(['Alpha Maçonnerie', 'Delta Carrelage']);
    // « non à jour » only where attestations are delegated: Charlie is not up to date but the firm is not told
    expect(await list({ attention: 'non-a-jour' })).toEqual(['Bravo Toitures']);
    expect(await list({ attention: 'fin-proche' })).toEqual(['Bravo Toitures', 'Delta Carrelage']);
    expect(await list({ sort: 'fin' })).toEqual(['Delta Carrelage', 'Bravo Toitures', 'Charlie Plâtrerie', 'Alpha Maçonnerie']);
    expect(await list({ sort: 'attention' })).toEqual(['Bravo Toitures', 'Delta Carrelage', 'Alpha Maçonnerie', 'Charlie Plâtrerie']);
    const paged = await listFirmClients(db(), { firmId: firm.id, today, pageSize: 3, page: 2 });
    expect(paged).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(paged.rows.map((r) => r.name)).toEqual(['Delta Carrelage']);
    const charlie = (await listFirmClients(db(), { firmId: firm.id, today, q: 'Charlie' })).rows[0]!;
    expect(charlie.isUpToDate).toBeNull();
    // another firm sees none of them
    const other = await firmWithAdmin(db());
    expect((await listFirmClients(db(), { firmId: other.firm.id, today })).total).toBe(0);
  });
});
