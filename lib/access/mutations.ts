import { and, eq, isNull, sql } from 'drizzle-orm';
import { createElement } from 'react';
import type { Db } from '@/db/client';
import { authTokens, organisationMembers, organisations, users } from '@/db/schema';
import MemberInvitation, { memberInvitationSubject } from '@/emails/member-invitation';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/password-policy';
import { consumeAuthToken, createAuthToken, inspectAuthToken } from '@/lib/auth/tokens';
import { getEnv } from '@/lib/env';
import { formatDayLong, todayInFrance, addDaysToDay } from '@/lib/format';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import type { InvitationPayload } from './queries';
import { attempt, Refusal, type Actor, type MutationResult } from './result';
import { describeGrants, type AreaGrants } from './rules';

// Writes of « Gérer les droits d’accès »: invitations, rights, removal. Each runs in one transaction
// that also writes its audit entry and its emails (outbox), so nothing half-happens.

export const INVITATION_TTL_DAYS = 7;

const roleLabels = { admin: 'administrateur', collaborator: 'collaborateur' } as const;

function displayName(u: { firstName: string; lastName: string; email: string }): string {
  return `${u.firstName} ${u.lastName}`.trim() || u.email;
}

/**
 * Serialises every change to an organisation's members: the organisation row is locked, so two
 * administrators demoting each other at the same moment cannot both succeed and leave none.
 */
async function lockOrganisation(tx: Db, organisationId: string) {
  const [org] = await tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('update');
  if (!org) throw new Refusal('not_found', 'Organisation introuvable.');
  return org;
}

async function adminCount(tx: Db, organisationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'admin')));
  return row?.n ?? 0;
}

const LAST_ADMIN_MESSAGE =
  'Il doit toujours rester au moins un administrateur : nommez d’abord un autre administrateur.';

export async function inviteMember(
  db: Db,
  input: { organisationId: string; actor: Actor; email: string; firstName?: string; lastName?: string; role: 'admin' | 'collaborator'; rights: AreaGrants; now?: Date; appUrl?: string },
): Promise<MutationResult<{ token: string; invitationId: string }>> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  return attempt(() =>
    db.transaction(async (tx) => {
      const org = await lockOrganisation(tx, input.organisationId);
      const [existing] = await tx
        .select({ userId: organisationMembers.userId })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(and(eq(organisationMembers.organisationId, org.id), eq(users.email, email)));
      if (existing) throw new Refusal('already_member', 'Cette personne a déjà accès à l’espace : modifiez plutôt ses droits.', 'email');
      // A new invitation replaces any earlier one to the same address: only the latest link works.
      await tx
        .update(authTokens)
        .set({ consumedAt: now })
        .where(
          and(
            eq(authTokens.kind, 'invitation'),
            eq(authTokens.organisationId, org.id),
            isNull(authTokens.consumedAt),
            sql`${authTokens.payload} ->> 'email' = ${email}`,
          ),
        );
      const rights = input.role === 'admin' ? {} : input.rights;
      const payload: InvitationPayload = {
        email,
        role: input.role,
        rights,
        firstName: input.firstName ?? '',
        lastName: input.lastName ?? '',
        invitedByUserId: input.actor.actorUserId,
      };
      const token = await createAuthToken(tx, { kind: 'invitation', organisationId: org.id, payload, ttlSeconds: INVITATION_TTL_DAYS * 86_400, now });
      const [row] = await tx
        .select({ id: authTokens.id })
        .from(authTokens)
        .where(and(eq(authTokens.kind, 'invitation'), eq(authTokens.organisationId, org.id), isNull(authTokens.consumedAt), sql`${authTokens.payload} ->> 'email' = ${email}`));
      const [inviter] = await tx.select().from(users).where(eq(users.id, input.actor.actorUserId));
      await enqueueMail(tx, {
        template: 'member-invitation',
        to: email,
        subject: memberInvitationSubject(org.name),
        element: createElement(MemberInvitation, {
          caisse: await getMailCaisse(tx),
          organisationName: org.name,
          inviterName: inviter ? displayName(inviter) : org.name,
          roleLabel: roleLabels[input.role],
          rights: input.role === 'admin' ? ['Tous les droits, dont la gestion des utilisateurs'] : describeGrants(rights),
          acceptUrl: `${input.appUrl ?? getEnv().appUrl}/invitation/${token}`,
          expiresOn: formatDayLong(addDaysToDay(todayInFrance(now), INVITATION_TTL_DAYS)),
        }),
      });
      await recordAudit(tx, {
        ...input.actor,
        action: 'members.invite',
        outcome: 'success',
        subjectOrganisationId: org.id,
        details: { email, role: input.role, rights },
      });
      return { token, invitationId: row!.id };
    }),
  );
}

export async function cancelInvitation(db: Db, input: { organisationId: string; invitationId: string; actor: Actor; now?: Date }): Promise<MutationResult> {
  return attempt(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(authTokens)
        .set({ consumedAt: input.now ?? new Date() })
        .where(
          and(eq(authTokens.id, input.invitationId), eq(authTokens.organisationId, input.organisationId), eq(authTokens.kind, 'invitation'), isNull(authTokens.consumedAt)),
        )
        .returning({ payload: authTokens.payload });
      if (!row) throw new Refusal('not_found', 'Cette invitation n’existe plus.');
      await recordAudit(tx, { ...input.actor, action: 'members.invitation_cancel', outcome: 'success', subjectOrganisationId: input.organisationId, details: { email: (row.payload as InvitationPayload).email } });
      return undefined;
    }),
  );
}

export async function updateMember(
  db: Db,
  input: { organisationId: string; userId: string; role: 'admin' | 'collaborator'; rights: AreaGrants; actor: Actor },
): Promise<MutationResult> {
  return attempt(() =>
    db.transaction(async (tx) => {
      await lockOrganisation(tx, input.organisationId);
      const [member] = await tx
        .select({ role: organisationMembers.role, rights: organisationMembers.rights })
        .from(organisationMembers)
        .where(and(eq(organisationMembers.organisationId, input.organisationId), eq(organisationMembers.userId, input.userId)));
      if (!member) throw new Refusal('not_found', 'Cet utilisateur n’a pas accès à l’espace.');
      if (member.role === 'admin' && input.role !== 'admin' && (await adminCount(tx, input.organisationId)) <= 1)
        throw new Refusal('last_admin', LAST_ADMIN_MESSAGE, 'role');
      const rights = input.role === 'admin' ? {} : input.rights;
      await tx
        .update(organisationMembers)
        .set({ role: input.role, rights })
        .where(and(eq(organisationMembers.organisationId, input.organisationId), eq(organisationMembers.userId, input.userId)));
      await recordAudit(tx, {
        ...input.actor,
        action: 'members.update',
        outcome: 'success',
        subjectOrganisationId: input.organisationId,
        details: { userId: input.userId, before: { role: member.role, rights: member.rights }, after: { role: input.role, rights } },
      });
      return undefined;
    }),
  );
}

export async function removeMember(db: Db, input: { organisationId: string; userId: string; actor: Actor }): Promise<MutationResult> {
  return attempt(() =>
    db.transaction(async (tx) => {
      await lockOrganisation(tx, input.organisationId);
      const [member] = await tx
        .select({ role: organisationMembers.role, email: users.email })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(and(eq(organisationMembers.organisationId, input.organisationId), eq(organisationMembers.userId, input.userId)));
      if (!member) throw new Refusal('not_found', 'Cet utilisateur n’a pas accès à l’espace.');
      if (member.role === 'admin' && (await adminCount(tx, input.organisationId)) <= 1) throw new Refusal('last_admin', LAST_ADMIN_MESSAGE);
      await tx
        .delete(organisationMembers)
        .where(and(eq(organisationMembers.organisationId, input.organisationId), eq(organisationMembers.userId, input.userId)));
      await recordAudit(tx, { ...input.actor, action: 'members.remove', outcome: 'success', subjectOrganisationId: input.organisationId, details: { userId: input.userId, email: member.email } });
      return undefined;
    }),
  );
}

export type InvitationView =
  | { status: 'expired' | 'used' | 'unknown' }
  | { status: 'valid'; organisationId: string; organisationName: string; email: string; role: 'admin' | 'collaborator'; rights: AreaGrants; hasAccount: boolean; expiresAt: Date };

/** What the invitation page shows, without consuming the link. */
export async function getInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const found = await inspectAuthToken(db, 'invitation', token, now);
  if (found.status !== 'valid') return { status: found.status };
  const payload = found.token.payload as InvitationPayload;
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, found.token.organisationId!));
  if (!org) return { status: 'unknown' };
  const [user] = await db.select({ passwordHash: users.passwordHash, status: users.status }).from(users).where(eq(users.email, payload.email));
  return {
    status: 'valid',
    organisationId: org.id,
    organisationName: org.name,
    email: payload.email,
    role: payload.role,
    rights: payload.rights,
    hasAccount: Boolean(user?.passwordHash && user.status === 'active'),
    expiresAt: found.token.expiresAt,
  };
}

const linkRefusals: Record<string, string> = {
  expired: 'Ce lien d’invitation a expiré : demandez à l’administrateur de l’espace de vous inviter à nouveau.',
  used: 'Ce lien d’invitation a déjà servi. Connectez-vous, ou demandez une nouvelle invitation.',
  unknown: 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il est complet, ou demandez une nouvelle invitation.',
};

async function consumeInvitation(tx: Db, token: string, now: Date) {
  const found = await consumeAuthToken(tx, 'invitation', token, now);
  if (found.status !== 'valid' || !found.token.organisationId) throw new Refusal(found.status === 'valid' ? 'unknown' : found.status, linkRefusals[found.status === 'valid' ? 'unknown' : found.status]!);
  return { organisationId: found.token.organisationId, payload: found.token.payload as InvitationPayload };
}

async function addMembership(tx: Db, input: { organisationId: string; userId: string; payload: InvitationPayload; now: Date }) {
  await tx
    .insert(organisationMembers)
    .values({ organisationId: input.organisationId, userId: input.userId, role: input.payload.role, rights: input.payload.role === 'admin' ? {} : input.payload.rights })
    .onConflictDoNothing();
  await recordAudit(tx, {
    action: 'members.invitation_accept',
    outcome: 'success',
    actorUserId: input.userId,
    actorOrganisationId: input.organisationId,
    subjectOrganisationId: input.organisationId,
    details: { email: input.payload.email, role: input.payload.role, rights: input.payload.rights },
  });
}

/**
 * The invited person has no account yet: they choose their password (same policy as everywhere). The
 * link proved the email address. Returns a single-use login token so the action can sign them in.
 */
export async function acceptInvitationAsNewUser(
  db: Db,
  input: { token: string; firstName: string; lastName: string; password: string; now?: Date },
): Promise<MutationResult<{ userId: string; organisationId: string; loginToken: string }>> {
  const now = input.now ?? new Date();
  const peek = await getInvitation(db, input.token, now);
  const policy = checkPasswordPolicy(input.password, [peek.status === 'valid' ? peek.email : '', input.firstName, input.lastName, peek.status === 'valid' ? peek.organisationName : '']);
  if (peek.status === 'valid' && !policy.ok) return { ok: false, code: 'weak_password', message: policy.message!, field: 'password' };
  const passwordHash = await hashPassword(input.password);
  return attempt(() =>
    db.transaction(async (tx) => {
      const { organisationId, payload } = await consumeInvitation(tx, input.token, now);
      const [existing] = await tx.select().from(users).where(eq(users.email, payload.email));
      if (existing?.passwordHash && existing.status === 'active')
        throw new Refusal('account_exists', 'Vous avez déjà un compte avec cette adresse : identifiez-vous pour le rattacher.');
      let userId: string;
      if (existing) {
        await tx
          .update(users)
          .set({ passwordHash, firstName: input.firstName, lastName: input.lastName, status: 'active', emailVerifiedAt: existing.emailVerifiedAt ?? now })
          .where(eq(users.id, existing.id));
        userId = existing.id;
      } else {
        const [created] = await tx
          .insert(users)
          .values({ email: payload.email, passwordHash, firstName: input.firstName, lastName: input.lastName, status: 'active', emailVerifiedAt: now })
          .returning({ id: users.id });
        userId = created!.id;
      }
      await addMembership(tx, { organisationId, userId, payload, now });
      const loginToken = await createAuthToken(tx, { kind: 'login', userId, ttlSeconds: 300, now });
      return { userId, organisationId, loginToken };
    }),
  );
}

/** The invited person already has an account (checked by the caller: signed in, or password verified): link it. */
export async function acceptInvitationForExistingUser(db: Db, input: { token: string; userId: string; now?: Date }): Promise<MutationResult<{ organisationId: string }>> {
  const now = input.now ?? new Date();
  return attempt(() =>
    db.transaction(async (tx) => {
      const { organisationId, payload } = await consumeInvitation(tx, input.token, now);
      const [user] = await tx.select({ email: users.email, status: users.status }).from(users).where(eq(users.id, input.userId));
      if (!user || user.status !== 'active') throw new Refusal('unknown', linkRefusals.unknown!);
      if (user.email !== payload.email)
        throw new Refusal('wrong_account', `Cette invitation est destinée à ${payload.email} : identifiez-vous avec ce compte.`);
      await addMembership(tx, { organisationId, userId: input.userId, payload, now });
      return { organisationId };
    }),
  );
}
