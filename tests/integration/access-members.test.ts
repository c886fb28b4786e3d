import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, mailOutbox, organisationMembers, users } from '@/db/schema';
import {
  acceptInvitationAsNewUser,
  acceptInvitationForExistingUser,
  cancelInvitation,
  getInvitation,
  inviteMember,
  removeMember,
  updateMember,
} from '@/lib/access/mutations';
import { listOrganisationMembers, listPendingInvitations } from '@/lib/access/queries';
import { authorize } from '@/lib/access';
import { verifyPassword } from '@/lib/auth/password';
import { consumeAuthToken } from '@/lib/auth/tokens';
import { engines, useTestDatabase } from '../support/db';
import { actorOf, addMember, companyWithAdmin, createUser } from '../support/access-fixtures';

const STRONG = 'Charpente-Vosgienne-Tuile-47';

describe.each(engines)('company users and rights (%s)', (engine) => {
  const db = useTestDatabase(engine);

  describe('always at least one administrator', () => {
    it('the last administrator can neither demote nor remove himself; with a second administrator he can', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const actor = actorOf(admin.id, company.id);

      const demote = await updateMember(db(), { organisationId: company.id, userId: admin.id, role: 'collaborator', rights: { leave: 'write' }, actor });
      expect(demote).toMatchObject({ ok: false, code: 'last_admin', field: 'role' });
      const remove = await removeMember(db(), { organisationId: company.id, userId: admin.id, actor });
      expect(remove).toMatchObject({ ok: false, code: 'last_admin' });
      expect(await listOrganisationMembers(db(), company.id)).toMatchObject([{ userId: admin.id, role: 'admin' }]);

      const second = await createUser(db());
      await addMember(db(), company.id, second.id, 'collaborator', { payments: 'read' });
      // A collaborator does not count as an administrator.
      expect(await removeMember(db(), { organisationId: company.id, userId: admin.id, actor })).toMatchObject({ ok: false, code: 'last_admin' });

      expect(await updateMember(db(), { organisationId: company.id, userId: second.id, role: 'admin', rights: {}, actor })).toEqual({ ok: true, value: undefined });
      expect(await updateMember(db(), { organisationId: company.id, userId: admin.id, role: 'collaborator', rights: { leave: 'write' }, actor })).toEqual({ ok: true, value: undefined });
      // now `second` is the last one
      expect(await removeMember(db(), { organisationId: company.id, userId: second.id, actor: actorOf(second.id, company.id) })).toMatchObject({ ok: false, code: 'last_admin' });
      const rows = await listOrganisationMembers(db(), company.id);
      expect(rows.find((r) => r.userId === admin.id)).toMatchObject({ role: 'collaborator', rights: { leave: 'write' } });
      expect(rows.find((r) => r.userId === second.id)).toMatchObject({ role: 'admin' });
    });

    it('two administrators demoting each other at the same moment: exactly one succeeds', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const other = await createUser(db());
      await addMember(db(), company.id, other.id, 'admin');
      const results = await Promise.all([
        updateMember(db(), { organisationId: company.id, userId: admin.id, role: 'collaborator', rights: {}, actor: actorOf(other.id, company.id) }),
        updateMember(db(), { organisationId: company.id, userId: other.id, role: 'collaborator', rights: {}, actor: actorOf(admin.id, company.id) }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toMatchObject([{ code: 'last_admin' }]);
      const admins = (await listOrganisationMembers(db(), company.id)).filter((m) => m.role === 'admin');
      expect(admins).toHaveLength(1);
    });

    it('removing a collaborator takes their access away at the next request', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const collab = await createUser(db());
      await addMember(db(), company.id, collab.id, 'collaborator', { declarations: 'write' });
      expect((await authorize(db(), { userId: collab.id, companyId: company.id, area: 'declarations', action: 'write' })).allowed).toBe(true);
      expect(await removeMember(db(), { organisationId: company.id, userId: collab.id, actor: actorOf(admin.id, company.id) })).toMatchObject({ ok: true });
      expect((await authorize(db(), { userId: collab.id, companyId: company.id, area: 'declarations', action: 'read' })).allowed).toBe(false);
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.subjectOrganisationId, company.id), eq(auditLog.action, 'members.remove')));
      expect(entry).toMatchObject({ actorUserId: admin.id, actorOrganisationId: company.id });
    });

    it('an id from another company is not found, and nothing changes there', async () => {
      const a = await companyWithAdmin(db());
      const b = await companyWithAdmin(db());
      const r = await updateMember(db(), { organisationId: a.company.id, userId: b.admin.id, role: 'collaborator', rights: {}, actor: actorOf(a.admin.id, a.company.id) });
      expect(r).toMatchObject({ ok: false, code: 'not_found' });
      expect(await removeMember(db(), { organisationId: a.company.id, userId: b.admin.id, actor: actorOf(a.admin.id, a.company.id) })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await listOrganisationMembers(db(), b.company.id)).toMatchObject([{ userId: b.admin.id, role: 'admin' }]);
    });
  });

  describe('invitations', () => {
    it('emails a single-use link; the new collaborator chooses a password and gets exactly the rights given', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const now = new Date('2026-11-27T09:00:00Z');
      const invited = await inviteMember(db(), {
        organisationId: company.id,
        actor: actorOf(admin.id, company.id),
        email: '  Paul.Collab@Exemple.test ',
        role: 'collaborator',
        rights: { declarations: 'write', leave: 'read' },
        now,
        appUrl: 'https://espace.test',
      });
      if (!invited.ok) throw new Error(invited.message);
      const token = invited.value.token;
      const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'paul.collab@exemple.test'));
      expect(mail!.subject).toBe(`Invitation à l’Espace sécurisé de ${company.name}`);
      expect(mail!.text).toContain(`https://espace.test/invitation/${token}`);
      expect(mail!.text).toContain('Déclarations : saisie');
      expect(mail!.text).toContain('4 décembre 2026');
      expect(await listPendingInvitations(db(), company.id, now)).toMatchObject([{ payload: { email: 'paul.collab@exemple.test' } }]);

      const view = await getInvitation(db(), token, now);
      expect(view).toMatchObject({ status: 'valid', organisationName: company.name, email: 'paul.collab@exemple.test', hasAccount: false });

      const weak = await acceptInvitationAsNewUser(db(), { token, firstName: 'Paul', lastName: 'Collab', password: 'motdepasse12', now });
      expect(weak).toMatchObject({ ok: false, code: 'weak_password', field: 'password' });
      const short = await acceptInvitationAsNewUser(db(), { token, firstName: 'Paul', lastName: 'Collab', password: 'Ab1!x', now });
      expect(short).toMatchObject({ ok: false, code: 'weak_password', message: 'Le mot de passe doit comporter au moins 12 caractères.' });

      const accepted = await acceptInvitationAsNewUser(db(), { token, firstName: 'Paul', lastName: 'Collab', password: STRONG, now });
      if (!accepted.ok) throw new Error(accepted.message);
      const [user] = await db().select().from(users).where(eq(users.email, 'paul.collab@exemple.test'));
      expect(user).toMatchObject({ status: 'active', firstName: 'Paul' });
      expect(await verifyPassword(user!.passwordHash!, STRONG)).toBe(true);
      expect(user!.emailVerifiedAt).not.toBeNull();
      // the returned login token signs them in once
      expect((await consumeAuthToken(db(), 'login', accepted.value.loginToken, now)).status).toBe('valid');

      const ask = (area: 'declarations' | 'leave' | 'payments' | 'account', action: 'read' | 'write') => authorize(db(), { userId: user!.id, companyId: company.id, area, action, now });
      expect((await ask('declarations', 'write')).allowed).toBe(true);
      expect((await ask('leave', 'read')).allowed).toBe(true);
      expect((await ask('leave', 'write')).allowed).toBe(false);
      expect((await ask('payments', 'read')).allowed).toBe(false);
      expect((await ask('account', 'read')).allowed).toBe(false);

      // single use: the same link again is refused, and says why
      const again = await acceptInvitationAsNewUser(db(), { token, firstName: 'Eve', lastName: 'Intruse', password: 'Une-Autre-Phrase-Longue-99', now });
      expect(again).toMatchObject({ ok: false, code: 'used' });
      expect(await getInvitation(db(), token, now)).toEqual({ status: 'used' });
      expect(await listPendingInvitations(db(), company.id, now)).toEqual([]);
    });

    it('expires after 7 days', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const sent = new Date('2026-11-01T10:00:00Z');
      const invited = await inviteMember(db(), { organisationId: company.id, actor: actorOf(admin.id, company.id), email: 'tardif@exemple.test', role: 'collaborator', rights: { leave: 'read' }, now: sent });
      if (!invited.ok) throw new Error(invited.message);
      const justBefore = new Date(sent.getTime() + 7 * 86_400_000 - 60_000);
      const justAfter = new Date(sent.getTime() + 7 * 86_400_000 + 1000);
      expect((await getInvitation(db(), invited.value.token, justBefore)).status).toBe('valid');
      expect(await getInvitation(db(), invited.value.token, justAfter)).toEqual({ status: 'expired' });
      const late = await acceptInvitationAsNewUser(db(), { token: invited.value.token, firstName: 'T', lastName: 'Ardif', password: STRONG, now: justAfter });
      expect(late).toMatchObject({ ok: false, code: 'expired' });
      const [row] = await db().select().from(users).where(eq(users.email, 'tardif@exemple.test'));
      expect(row).toBeUndefined();
    });

    it('a new invitation to the same address replaces the previous link; a cancelled one no longer works', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const actor = actorOf(admin.id, company.id);
      const first = await inviteMember(db(), { organisationId: company.id, actor, email: 'deux@exemple.test', role: 'collaborator', rights: { leave: 'read' } });
      const second = await inviteMember(db(), { organisationId: company.id, actor, email: 'deux@exemple.test', role: 'collaborator', rights: { leave: 'write' } });
      if (!first.ok || !second.ok) throw new Error('invite failed');
      expect((await getInvitation(db(), first.value.token)).status).toBe('used');
      expect(await getInvitation(db(), second.value.token)).toMatchObject({ status: 'valid', rights: { leave: 'write' } });
      expect(await cancelInvitation(db(), { organisationId: company.id, invitationId: second.value.invitationId, actor })).toMatchObject({ ok: true });
      expect((await getInvitation(db(), second.value.token)).status).toBe('used');
    });

    it('someone who already has an account links it (only that account); a member cannot be invited twice', async () => {
      const { company, admin } = await companyWithAdmin(db());
      const other = await companyWithAdmin(db());
      const actor = actorOf(admin.id, company.id);
      const invited = await inviteMember(db(), { organisationId: company.id, actor, email: other.admin.email, role: 'collaborator', rights: { attestations: 'read' } });
      if (!invited.ok) throw new Error(invited.message);
      expect(await getInvitation(db(), invited.value.token)).toMatchObject({ status: 'valid', hasAccount: true });
      // choosing a password is refused: the account exists
      expect(await acceptInvitationAsNewUser(db(), { token: invited.value.token, firstName: 'X', lastName: 'Y', password: STRONG })).toMatchObject({ ok: false, code: 'account_exists' });
      // someone else signed in cannot take it
      expect(await acceptInvitationForExistingUser(db(), { token: invited.value.token, userId: admin.id })).toMatchObject({ ok: false, code: 'wrong_account' });
      expect(await acceptInvitationForExistingUser(db(), { token: invited.value.token, userId: other.admin.id })).toMatchObject({ ok: true });
      const [m] = await db()
        .select()
        .from(organisationMembers)
        .where(and(eq(organisationMembers.organisationId, company.id), eq(organisationMembers.userId, other.admin.id)));
      expect(m).toMatchObject({ role: 'collaborator', rights: { attestations: 'read' } });
      expect((await authorize(db(), { userId: other.admin.id, companyId: company.id, area: 'attestations', action: 'read' })).allowed).toBe(true);
      // still administrator of their own company
      expect((await authorize(db(), { userId: other.admin.id, companyId: other.company.id, area: 'account', action: 'write' })).allowed).toBe(true);

      const dup = await inviteMember(db(), { organisationId: company.id, actor, email: other.admin.email.toUpperCase(), role: 'collaborator', rights: {} });
      expect(dup).toMatchObject({ ok: false, code: 'already_member', field: 'email' });
    });
  });
});
