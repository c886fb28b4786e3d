import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { declarations, organisations, payments, sepaDebitSuspensions, sepaMandates } from '@/db/schema';
import { Refusal, type Actor } from '@/lib/access/result';
import { recordAudit } from '@/lib/audit';
import { getEnv } from '@/lib/env';
import { buildRum, checkBic, checkIban } from './rules';

// Writes of the payments area. Each runs in one transaction and audits; expected refusals are Refusal
// (lib/access/result), which the actions show at the field and the CLI prints.

type Tx = Db;

async function hasSentDeclaration(tx: Tx, companyId: string, period: string): Promise<boolean> {
  const rows = await tx
    .select({ id: declarations.id })
    .from(declarations)
    .where(and(eq(declarations.companyId, companyId), eq(declarations.period, period), eq(declarations.status, 'sent')))
    .limit(1);
  return rows.length > 0;
}

export type ConfirmPaymentInput = {
  companyId: string;
  period: string;
  amountCents: number;
  method: 'sepa_debit' | 'transfer';
  idempotencyKey: string;
  reference: string | null;
  actor: Actor;
};

/**
 * The company confirms a payment online (amount and method): an « announced » payment, shown on the
 * relevé but counted only once the caisse records it. The form's one-time key makes a double click or a
 * retried request announce once (unique index on company + key): the second call returns the first row.
 */
export async function confirmPayment(db: Db, input: ConfirmPaymentInput): Promise<{ id: string; isNew: boolean }> {
  return db.transaction(async (tx) => {
    if (!(await hasSentDeclaration(tx, input.companyId, input.period)))
      throw new Refusal('no_declaration', 'Aucune déclaration envoyée pour ce mois : il n’y a rien à payer.', 'period');
    const [inserted] = await tx
      .insert(payments)
      .values({
        companyId: input.companyId,
        period: input.period,
        amountCents: input.amountCents,
        method: input.method,
        status: 'announced',
        reference: input.reference,
        announcedAt: new Date(),
        announcedByUserId: input.actor.actorUserId,
        idempotencyKey: input.idempotencyKey,
      })
      .onConflictDoNothing({ target: [payments.companyId, payments.idempotencyKey] })
      .returning({ id: payments.id });
    if (!inserted) {
      const [existing] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(and(eq(payments.companyId, input.companyId), eq(payments.idempotencyKey, input.idempotencyKey)));
      return { id: existing!.id, isNew: false };
    }
    await recordAudit(tx, {
      action: 'payment_confirm',
      outcome: 'success',
      ...input.actor,
      subjectOrganisationId: input.companyId,
      details: { period: input.period, amountCents: input.amountCents, method: input.method },
    });
    return { id: inserted.id, isNew: true };
  });
}

export type MandateRow = typeof sepaMandates.$inferSelect;

/**
 * Registers a SEPA B2B mandate: IBAN and BIC checked again here (never trust the form), a new unique
 * reference (RUM) `<prefix>-<membership number>-<n>`, the previous active mandate replaced.
 */
export async function registerMandate(db: Db, input: { companyId: string; iban: string; bic: string; actor: Actor }): Promise<MandateRow> {
  const iban = checkIban(input.iban);
  if (!iban.ok) throw new Refusal('invalid_iban', iban.message, 'iban');
  const bic = checkBic(input.bic, iban.iban);
  if (!bic.ok) throw new Refusal('invalid_bic', bic.message, 'bic');
  return db.transaction(async (tx) => {
    // Serialises two registrations of the same company (the sequence and the single active mandate).
    const [company] = await tx
      .select({ membershipNumber: organisations.membershipNumber, siret: organisations.siret })
      .from(organisations)
      .where(and(eq(organisations.id, input.companyId), eq(organisations.kind, 'company')))
      .for('update');
    if (!company) throw new Refusal('not_found', 'Entreprise introuvable.');
    const [{ count }] = (await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(sepaMandates)
      .where(eq(sepaMandates.companyId, input.companyId))) as [{ count: number }];
    const rum = buildRum({ prefix: getEnv().sepaMandatePrefix, membershipNumber: company.membershipNumber ?? company.siret.slice(0, 9), sequence: count + 1 });
    await tx
      .update(sepaMandates)
      .set({ status: 'replaced', replacedAt: new Date() })
      .where(and(eq(sepaMandates.companyId, input.companyId), eq(sepaMandates.status, 'active')));
    const [mandate] = await tx
      .insert(sepaMandates)
      .values({ companyId: input.companyId, rum, iban: iban.iban, bic: bic.bic, createdByUserId: input.actor.actorUserId })
      .returning();
    await recordAudit(tx, {
      action: 'sepa_mandate_register',
      outcome: 'success',
      ...input.actor,
      subjectOrganisationId: input.companyId,
      details: { rum, ibanLast4: iban.iban.slice(-4) },
    });
    return mandate!;
  });
}

// ── caisse side (CLI) ────────────────────────────────────────────────────────────────────────────────

export async function findCompanyBySiret(db: Db, siret: string) {
  const [company] = await db
    .select({ id: organisations.id, name: organisations.name, siret: organisations.siret, membershipNumber: organisations.membershipNumber })
    .from(organisations)
    .where(and(eq(organisations.siret, siret), eq(organisations.kind, 'company')));
  return company ?? null;
}

async function isDebitActive(tx: Tx, companyId: string): Promise<boolean> {
  const mandate = await tx
    .select({ id: sepaMandates.id })
    .from(sepaMandates)
    .where(and(eq(sepaMandates.companyId, companyId), eq(sepaMandates.status, 'active')))
    .limit(1);
  if (!mandate.length) return false;
  const suspension = await tx
    .select({ id: sepaDebitSuspensions.id })
    .from(sepaDebitSuspensions)
    .where(and(eq(sepaDebitSuspensions.companyId, companyId), isNull(sepaDebitSuspensions.liftedAt)))
    .limit(1);
  return suspension.length === 0;
}

/**
 * The caisse records a settlement received for a declared month. An announced payment of the same
 * amount becomes received (the company's confirmation is matched); otherwise a received payment is
 * added, by direct debit when debit is active for the company, else by transfer.
 */
export async function recordPayment(
  db: Db,
  input: { companyId: string; period: string; amountCents: number; receivedOn: string; method?: 'sepa_debit' | 'transfer'; by: string },
): Promise<{ id: string; matchedAnnouncement: boolean }> {
  return db.transaction(async (tx) => {
    if (!(await hasSentDeclaration(tx, input.companyId, input.period)))
      throw new Refusal('no_declaration', 'Aucune déclaration envoyée pour ce mois : rien ne peut y être réglé.');
    const [announced] = await tx
      .select({ id: payments.id, method: payments.method })
      .from(payments)
      .where(
        and(
          eq(payments.companyId, input.companyId),
          eq(payments.period, input.period),
          eq(payments.status, 'announced'),
          eq(payments.amountCents, input.amountCents),
          ...(input.method ? [eq(payments.method, input.method)] : []),
        ),
      )
      .orderBy(payments.createdAt)
      .limit(1);
    let id: string;
    if (announced) {
      await tx.update(payments).set({ status: 'received', receivedOn: input.receivedOn }).where(eq(payments.id, announced.id));
      id = announced.id;
    } else {
      const method = input.method ?? ((await isDebitActive(tx, input.companyId)) ? 'sepa_debit' : 'transfer');
      const [row] = await tx
        .insert(payments)
        .values({ companyId: input.companyId, period: input.period, amountCents: input.amountCents, method, status: 'received', receivedOn: input.receivedOn })
        .returning({ id: payments.id });
      id = row!.id;
    }
    await recordAudit(tx, {
      action: 'payment_record',
      outcome: 'success',
      subjectOrganisationId: input.companyId,
      details: { period: input.period, amountCents: input.amountCents, receivedOn: input.receivedOn, by: input.by },
    });
    return { id, matchedAnnouncement: Boolean(announced) };
  });
}

/**
 * The bank rejected a direct debit for a declared month: the debit (received or announced) becomes
 * rejected with the reason (or a rejected debit of the amount due is recorded), and automatic debit is
 * switched off for the company until the caisse switches it back on.
 */
export async function recordRejection(
  db: Db,
  input: { companyId: string; period: string; reason: string; rejectedOn: string; amountCents: number; by: string },
): Promise<{ paymentId: string; debitWasActive: boolean }> {
  return db.transaction(async (tx) => {
    if (!(await hasSentDeclaration(tx, input.companyId, input.period)))
      throw new Refusal('no_declaration', 'Aucune déclaration envoyée pour ce mois : aucun prélèvement n’a pu être rejeté.');
    const debitWasActive = await isDebitActive(tx, input.companyId);
    const [debit] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.companyId, input.companyId),
          eq(payments.period, input.period),
          eq(payments.method, 'sepa_debit'),
          inArray(payments.status, ['received', 'announced']),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    let paymentId: string;
    if (debit) {
      await tx
        .update(payments)
        .set({ status: 'rejected', rejectedOn: input.rejectedOn, rejectionReason: input.reason })
        .where(eq(payments.id, debit.id));
      paymentId = debit.id;
    } else {
      const [row] = await tx
        .insert(payments)
        .values({
          companyId: input.companyId,
          period: input.period,
          amountCents: input.amountCents,
          method: 'sepa_debit',
          status: 'rejected',
          rejectedOn: input.rejectedOn,
          rejectionReason: input.reason,
        })
        .returning({ id: payments.id });
      paymentId = row!.id;
    }
    await tx
      .insert(sepaDebitSuspensions)
      .values({ companyId: input.companyId, paymentId, reason: input.reason })
      .onConflictDoNothing();
    await recordAudit(tx, {
      action: 'payment_rejection_record',
      outcome: 'success',
      subjectOrganisationId: input.companyId,
      details: { period: input.period, reason: input.reason, rejectedOn: input.rejectedOn, by: input.by },
    });
    return { paymentId, debitWasActive };
  });
}

/** The caisse switches automatic debit back on. False when it was not switched off. */
export async function enableDebit(db: Db, input: { companyId: string; by: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lifted = await tx
      .update(sepaDebitSuspensions)
      .set({ liftedAt: new Date(), liftedBy: input.by })
      .where(and(eq(sepaDebitSuspensions.companyId, input.companyId), isNull(sepaDebitSuspensions.liftedAt)))
      .returning({ id: sepaDebitSuspensions.id });
    if (lifted.length)
      await recordAudit(tx, { action: 'sepa_debit_enable', outcome: 'success', subjectOrganisationId: input.companyId, details: { by: input.by } });
    return lifted.length > 0;
  });
}
