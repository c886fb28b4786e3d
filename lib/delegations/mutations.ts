import { and, eq, inArray } from 'drizzle-orm';
import { createElement, type ReactElement } from 'react';
import type { Db } from '@/db/client';
import { delegations, organisations, users } from '@/db/schema';
import DelegationAnswer, { delegationAnswerSubject } from '@/emails/delegation-answer';
import DelegationOffer, { delegationOfferSubject } from '@/emails/delegation-offer';
import DelegationRequest, { delegationRequestSubject } from '@/emails/delegation-request';
import DelegationRevoked, { delegationRevokedSubject } from '@/emails/delegation-revoked';
import { getOrganisationRecipients } from '@/lib/access/queries';
import { attempt, Refusal, type Actor, type MutationResult } from '@/lib/access/result';
import { describeGrants, type AreaGrants } from '@/lib/access/rules';
import { recordAudit } from '@/lib/audit';
import { formatSiret } from '@/lib/companies/siret';
import { getEnv } from '@/lib/env';
import { formatDayLong, todayInFrance } from '@/lib/format';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';

// « Déléguez à mon cabinet comptable » and its mirror, the firm's request. A delegation is offered by one
// side and active once the other side accepts; either answer, and every revocation, is audited on the
// company (subject) with the acting organisation, and told to the other side by email in the same
// transaction. Access itself is never cached: lib/access reads the delegation row on every request.

type Terms = { areas: AreaGrants; endsOn: string | null };

function checkTerms(terms: Terms, today: string) {
  if (Object.keys(terms.areas).length === 0 || 'account' in terms.areas)
    throw new Refusal('no_area', 'Choisissez au moins un domaine (consultation ou saisie).', 'areas');
  if (terms.endsOn !== null && terms.endsOn < today)
    throw new Refusal('past_end', 'La date de fin ne peut pas être déjà passée.', 'endsOn');
}

async function loadOrg(tx: Db, id: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, id));
  return org ?? null;
}

async function sendToAll(tx: Db, recipients: string[], mail: { template: string; subject: string; element: ReactElement }) {
  for (const to of recipients) await enqueueMail(tx, { ...mail, to });
}

async function actorLabel(tx: Db, actor: Actor): Promise<string> {
  const [u] = await tx.select({ firstName: users.firstName, lastName: users.lastName, email: users.email }).from(users).where(eq(users.id, actor.actorUserId));
  const org = actor.actorOrganisationId ? await loadOrg(tx, actor.actorOrganisationId) : null;
  const person = u ? `${u.firstName} ${u.lastName}`.trim() || u.email : '';
  return org ? (person ? `${org.name} (${person})` : org.name) : person;
}

async function refuseIfLive(tx: Db, companyId: string, firmId: string) {
  const [live] = await tx
    .select({ status: delegations.status })
    .from(delegations)
    .where(and(eq(delegations.companyId, companyId), eq(delegations.firmId, firmId), inArray(delegations.status, ['pending_firm', 'pending_company', 'active'])));
  if (!live) return;
  const messages = {
    active: 'Une délégation à ce cabinet est déjà active : révoquez-la d’abord pour la remplacer.',
    pending_firm: 'Une délégation attend déjà la réponse de ce cabinet.',
    pending_company: 'Ce cabinet vous a déjà demandé une délégation : acceptez-la ou refusez-la dans « Gérer les droits d’accès ».',
  } as const;
  throw new Refusal('already_live', messages[live.status as keyof typeof messages]);
}

function mailTerms(terms: Terms) {
  return { areas: describeGrants(terms.areas), endsOn: terms.endsOn ? formatDayLong(terms.endsOn) : null };
}

async function insertOffer(tx: Db, input: { companyId: string; firmId: string; terms: Terms; actor: Actor; firmEmail?: string; appUrl: string }) {
  const company = await loadOrg(tx, input.companyId);
  const firm = await loadOrg(tx, input.firmId);
  if (!company || company.kind !== 'company') throw new Refusal('not_found', 'Entreprise introuvable.');
  if (!firm || firm.kind !== 'accounting_firm') throw new Refusal('not_found', 'Ce cabinet est introuvable : recherchez-le à nouveau.', 'firmId');
  await refuseIfLive(tx, company.id, firm.id);
  const [row] = await tx
    .insert(delegations)
    .values({ companyId: company.id, firmId: firm.id, areas: input.terms.areas, endsOn: input.terms.endsOn, status: 'pending_firm', requestedByUserId: input.actor.actorUserId })
    .returning({ id: delegations.id });
  const firmHasSpace = Boolean(firm.activatedAt);
  const recipients = input.firmEmail ? [input.firmEmail] : await getOrganisationRecipients(tx, firm.id);
  await sendToAll(tx, recipients, {
    template: 'delegation-offer',
    subject: delegationOfferSubject(company.name),
    element: createElement(DelegationOffer, {
      caisse: await getMailCaisse(tx),
      companyName: company.name,
      companySiret: formatSiret(company.siret),
      firmName: firm.name,
      ...mailTerms(input.terms),
      url: firmHasSpace ? `${input.appUrl}/espace/clients#a-traiter` : `${input.appUrl}/premiere-connexion`,
      firmHasSpace,
    }),
  });
  await recordAudit(tx, {
    ...input.actor,
    action: 'delegation.offer',
    outcome: 'success',
    subjectOrganisationId: company.id,
    details: { delegationId: row!.id, firmId: firm.id, firmName: firm.name, areas: input.terms.areas, endsOn: input.terms.endsOn },
  });
  return row!.id;
}

/** « Déléguez à mon cabinet comptable » to a firm found by the search. */
export async function offerDelegation(
  db: Db,
  input: { companyId: string; firmId: string; areas: AreaGrants; endsOn: string | null; actor: Actor; now?: Date; appUrl?: string },
): Promise<MutationResult<{ delegationId: string }>> {
  const today = todayInFrance(input.now);
  return attempt(() =>
    db.transaction(async (tx) => {
      checkTerms(input, today);
      const delegationId = await insertOffer(tx, { ...input, terms: input, appUrl: input.appUrl ?? getEnv().appUrl });
      return { delegationId };
    }),
  );
}

/**
 * The company's firm has no space yet: record the firm (not activated; it creates its space through the
 * first-connection wizard) and write to the address given. A SIRET already known as a firm reuses it.
 */
export async function inviteFirmAndOffer(
  db: Db,
  input: { companyId: string; firmName: string; siret: string; email: string; areas: AreaGrants; endsOn: string | null; actor: Actor; now?: Date; appUrl?: string },
): Promise<MutationResult<{ delegationId: string; firmId: string; isNewFirm: boolean }>> {
  const today = todayInFrance(input.now);
  return attempt(() =>
    db.transaction(async (tx) => {
      checkTerms(input, today);
      const [known] = await tx.select().from(organisations).where(eq(organisations.siret, input.siret));
      if (known && known.kind !== 'accounting_firm')
        throw new Refusal('not_a_firm', 'Ce SIRET est celui d’une entreprise adhérente, pas d’un cabinet comptable.', 'siret');
      let firmId = known?.id;
      if (!firmId) {
        const [created] = await tx
          .insert(organisations)
          .values({ kind: 'accounting_firm', siret: input.siret, name: input.firmName, addressLine: '', postcode: '', city: '', contactEmail: input.email.toLowerCase() })
          .returning({ id: organisations.id });
        firmId = created!.id;
        await recordAudit(tx, { ...input.actor, action: 'delegation.firm_invite', outcome: 'success', subjectOrganisationId: input.companyId, details: { firmId, siret: input.siret, email: input.email } });
      }
      // An unknown address must not receive a registered firm's business: only a firm without a space
      // (no administrators yet) is written to at the address the company typed.
      const firmEmail = known?.activatedAt ? undefined : input.email.toLowerCase();
      const delegationId = await insertOffer(tx, { companyId: input.companyId, firmId, terms: input, actor: input.actor, firmEmail, appUrl: input.appUrl ?? getEnv().appUrl });
      return { delegationId, firmId, isNewFirm: !known };
    }),
  );
}

/** The firm asks a company (by SIRET) for a delegation; the company accepts or declines. */
export async function requestDelegation(
  db: Db,
  input: { firmId: string; siret: string; areas: AreaGrants; endsOn: string | null; note?: string; actor: Actor; now?: Date; appUrl?: string },
): Promise<MutationResult<{ delegationId: string; companyName: string }>> {
  const today = todayInFrance(input.now);
  return attempt(() =>
    db.transaction(async (tx) => {
      checkTerms(input, today);
      const firm = await loadOrg(tx, input.firmId);
      if (!firm || firm.kind !== 'accounting_firm') throw new Refusal('not_found', 'Cabinet introuvable.');
      const [company] = await tx.select().from(organisations).where(and(eq(organisations.siret, input.siret), eq(organisations.kind, 'company')));
      if (!company) throw new Refusal('unknown_company', 'Aucune entreprise adhérente de la caisse n’a ce numéro SIRET.', 'siret');
      await refuseIfLive(tx, company.id, firm.id);
      const [row] = await tx
        .insert(delegations)
        .values({
          companyId: company.id,
          firmId: firm.id,
          areas: input.areas,
          endsOn: input.endsOn,
          status: 'pending_company',
          requestedByUserId: input.actor.actorUserId,
          note: input.note || null,
        })
        .returning({ id: delegations.id });
      await sendToAll(tx, await getOrganisationRecipients(tx, company.id), {
        template: 'delegation-request',
        subject: delegationRequestSubject(firm.name),
        element: createElement(DelegationRequest, {
          caisse: await getMailCaisse(tx),
          companyName: company.name,
          firmName: firm.name,
          firmSiret: formatSiret(firm.siret),
          ...mailTerms(input),
          note: input.note ?? '',
          url: `${input.appUrl ?? getEnv().appUrl}/espace/compte/droits`,
        }),
      });
      await recordAudit(tx, {
        ...input.actor,
        action: 'delegation.request',
        outcome: 'success',
        subjectOrganisationId: company.id,
        details: { delegationId: row!.id, firmId: firm.id, firmName: firm.name, areas: input.areas, endsOn: input.endsOn },
      });
      return { delegationId: row!.id, companyName: company.name };
    }),
  );
}

/**
 * The side that did not propose answers: the firm an offer (pending_firm), the company a request
 * (pending_company). Scoped by the answering organisation: anyone else's delegation is « not found ».
 */
export async function respondToDelegation(
  db: Db,
  input: { delegationId: string; side: 'firm' | 'company'; organisationId: string; accept: boolean; actor: Actor; now?: Date; appUrl?: string },
): Promise<MutationResult<{ companyId: string }>> {
  const now = input.now ?? new Date();
  return attempt(() =>
    db.transaction(async (tx) => {
      const scope =
        input.side === 'firm'
          ? and(eq(delegations.firmId, input.organisationId), eq(delegations.status, 'pending_firm'))
          : and(eq(delegations.companyId, input.organisationId), eq(delegations.status, 'pending_company'));
      const [d] = await tx.select().from(delegations).where(and(eq(delegations.id, input.delegationId), scope)).for('update');
      if (!d) throw new Refusal('not_found', 'Cette délégation n’attend plus de réponse.');
      if (input.accept && d.endsOn !== null && d.endsOn < todayInFrance(now))
        throw new Refusal('past_end', 'La date de fin de cette délégation est passée : elle ne peut plus être acceptée.');
      await tx
        .update(delegations)
        .set({ status: input.accept ? 'active' : 'declined', respondedAt: now, respondedByUserId: input.actor.actorUserId })
        .where(eq(delegations.id, d.id));
      const company = (await loadOrg(tx, d.companyId))!;
      const firm = (await loadOrg(tx, d.firmId))!;
      const answeredBy = input.side === 'firm' ? firm.name : company.name;
      const appUrl = input.appUrl ?? getEnv().appUrl;
      await sendToAll(tx, await getOrganisationRecipients(tx, input.side === 'firm' ? company.id : firm.id), {
        template: 'delegation-answer',
        subject: delegationAnswerSubject(input.accept, answeredBy),
        element: createElement(DelegationAnswer, {
          caisse: await getMailCaisse(tx),
          accepted: input.accept,
          answeredBy,
          companyName: company.name,
          ...mailTerms({ areas: d.areas, endsOn: d.endsOn }),
          url: input.side === 'firm' ? `${appUrl}/espace/compte/droits` : `${appUrl}/espace/clients`,
        }),
      });
      await recordAudit(tx, {
        ...input.actor,
        action: input.accept ? 'delegation.accept' : 'delegation.decline',
        outcome: 'success',
        subjectOrganisationId: company.id,
        details: { delegationId: d.id, firmId: firm.id, firmName: firm.name, areas: d.areas, endsOn: d.endsOn },
      });
      return { companyId: company.id };
    }),
  );
}

/**
 * Revocation (or withdrawal of a pending one), by the company — or by the firm giving it up. Effective at
 * the firm's next request since every request re-reads this row. Both sides are told.
 */
export async function revokeDelegation(
  db: Db,
  input: { delegationId: string; side: 'company' | 'firm'; organisationId: string; actor: Actor; now?: Date; appUrl?: string },
): Promise<MutationResult> {
  const now = input.now ?? new Date();
  return attempt(() =>
    db.transaction(async (tx) => {
      const owner = input.side === 'company' ? eq(delegations.companyId, input.organisationId) : eq(delegations.firmId, input.organisationId);
      const [d] = await tx
        .select()
        .from(delegations)
        .where(and(eq(delegations.id, input.delegationId), owner, inArray(delegations.status, ['pending_firm', 'pending_company', 'active'])))
        .for('update');
      if (!d) throw new Refusal('not_found', 'Cette délégation n’est plus en cours.');
      await tx.update(delegations).set({ status: 'revoked', revokedAt: now, revokedByUserId: input.actor.actorUserId }).where(eq(delegations.id, d.id));
      const company = (await loadOrg(tx, d.companyId))!;
      const firm = (await loadOrg(tx, d.firmId))!;
      const appUrl = input.appUrl ?? getEnv().appUrl;
      const recipients = [...new Set([...(await getOrganisationRecipients(tx, company.id)), ...(await getOrganisationRecipients(tx, firm.id))])];
      await sendToAll(tx, recipients, {
        template: 'delegation-revoked',
        subject: delegationRevokedSubject(company.name, firm.name),
        element: createElement(DelegationRevoked, {
          caisse: await getMailCaisse(tx),
          companyName: company.name,
          firmName: firm.name,
          revokedBy: await actorLabel(tx, input.actor),
          wasPending: d.status !== 'active',
          url: `${appUrl}/espace`,
        }),
      });
      await recordAudit(tx, {
        ...input.actor,
        action: 'delegation.revoke',
        outcome: 'success',
        subjectOrganisationId: company.id,
        details: { delegationId: d.id, firmId: firm.id, firmName: firm.name, previousStatus: d.status, by: input.side },
      });
      return undefined;
    }),
  );
}
