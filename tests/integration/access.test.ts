import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, delegations, organisationMembers, organisations, users } from '@/db/schema';
import { seedDemo, demoCompanies } from '@/db/seed';
import { authorize } from '@/lib/access';
import { engines, useTestDatabase } from '../support/db';

describe.each(engines)('authorize (%s)', (engine) => {
  const db = useTestDatabase(engine);

  async function ids() {
    const orgs = await db().select({ id: organisations.id, siret: organisations.siret }).from(organisations);
    const bySiret = (s: string) => orgs.find((o) => o.siret === s)!.id;
    const [rhenaneUser] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'gerant@renovation-rhenane.test'));
    const [firmUser] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'cabinet@comptable-lorrain.test'));
    return {
      nancy: bySiret(demoCompanies.nancy.siret),
      strasbourg: bySiret(demoCompanies.strasbourg.siret),
      firm: bySiret(demoCompanies.firm.siret),
      rhenaneUser: rhenaneUser!.id,
      firmUser: firmUser!.id,
    };
  }

  it('reads roles, rights and delegations from the database, with expiry and revocation', async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    const i = await ids();
    const now = new Date('2026-11-27T10:00:00Z');
    // own company: admin
    expect((await authorize(db(), { userId: i.rhenaneUser, companyId: i.strasbourg, area: 'payments', action: 'write', now })).allowed).toBe(true);
    // another company: denied and audited
    expect((await authorize(db(), { userId: i.rhenaneUser, companyId: i.nancy, area: 'attestations', action: 'read', now })).allowed).toBe(false);
    const denials = await db().select().from(auditLog).where(and(eq(auditLog.actorUserId, i.rhenaneUser), eq(auditLog.outcome, 'denied')));
    expect(denials).toHaveLength(1);

    // firm: nothing until the company's delegation is accepted
    const [d] = await db()
      .insert(delegations)
      .values({ companyId: i.strasbourg, firmId: i.firm, areas: { declarations: 'write' }, status: 'pending_firm', endsOn: '2026-12-31' })
      .returning();
    const firmAsks = () => authorize(db(), { userId: i.firmUser, companyId: i.strasbourg, area: 'declarations', action: 'write', now });
    expect((await firmAsks()).allowed).toBe(false);
    await db().update(delegations).set({ status: 'active' }).where(eq(delegations.id, d!.id));
    expect((await firmAsks()).allowed).toBe(true);
    expect((await authorize(db(), { userId: i.firmUser, companyId: i.strasbourg, area: 'payments', action: 'read', now })).allowed).toBe(false);
    // after its end date
    expect((await authorize(db(), { userId: i.firmUser, companyId: i.strasbourg, area: 'declarations', action: 'read', now: new Date('2027-01-01T10:00:00Z') })).allowed).toBe(false);
    // revoked: the very next request is refused
    await db().update(delegations).set({ status: 'revoked', revokedAt: now }).where(eq(delegations.id, d!.id));
    expect((await firmAsks()).allowed).toBe(false);
  });

  it('a collaborator gets exactly the rights stored for them', async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    const i = await ids();
    const [u] = await db().insert(users).values({ email: 'collab@renovation-rhenane.test', status: 'active' }).returning();
    await db().insert(organisationMembers).values({ organisationId: i.strasbourg, userId: u!.id, role: 'collaborator', rights: { leave: 'read' } });
    expect((await authorize(db(), { userId: u!.id, companyId: i.strasbourg, area: 'leave', action: 'read' })).allowed).toBe(true);
    expect((await authorize(db(), { userId: u!.id, companyId: i.strasbourg, area: 'leave', action: 'write' })).allowed).toBe(false);
    expect((await authorize(db(), { userId: u!.id, companyId: i.strasbourg, area: 'account', action: 'read' })).allowed).toBe(false);
    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, u!.id));
    expect((await authorize(db(), { userId: u!.id, companyId: i.strasbourg, area: 'leave', action: 'read' })).allowed).toBe(false);
  });
});
