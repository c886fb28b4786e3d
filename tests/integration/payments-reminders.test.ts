import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, organisations } from '@/db/schema';
import { demoCompanies, demoAttestationUser, demoUsers, seedDemo } from '@/db/seed';
import { runCaisseCli } from '@/lib/caisse-cli';
import { contributionReminderSource, periodsToRemind } from '@/lib/payments/reminders';
import { getAccountStatement } from '@/lib/payments/statement';
import { sendReminders } from '@/lib/reminders';
import { engines, useTestDatabase } from '../support/db';
import { addMember, createUser, firmWithAdmin, insertDelegation } from '../support/access-fixtures';

const terms = [{ effectiveFrom: '2020-01-01', paymentDelayDays: 45, declarationDelayDays: 15, penaltyBasisPointsPerMonth: 100, reminderDaysBefore: 7 }];

describe('which months are reminded', () => {
  it.each([
    ['2026-12-07', []],
    ['2026-12-08', ['2026-10-01']], // October 2026 falls due on 15 December
    ['2026-12-15', ['2026-10-01']],
    ['2026-12-16', []],
    ['2028-03-09', ['2028-01-01']], // January 2028 falls due on 16 March (leap February)
  ])('%s → %j', (today, periods) => {
    expect(periodsToRemind(terms, today).map((p) => p.period)).toEqual(periods);
  });
});

describe.each(engines)('contribution reminders (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const ids = { nancy: '', strasbourg: '', reims: '' };

  beforeAll(async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    for (const key of ['nancy', 'strasbourg', 'reims'] as const) {
      const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, demoCompanies[key].siret));
      ids[key] = row!.id;
    }
  });

  it('e-mails the administrators and the delegated firm 7 days before the due date, once, and not once paid', async () => {
    // A firm handling Nancy's payments, a collaborator of Nancy without the right, one with it.
    const { firm, admin: firmAdmin } = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: ids.nancy, firmId: firm.id, areas: { payments: 'read' }, status: 'active' });
    const noRight = await createUser(db());
    await addMember(db(), ids.nancy, noRight.id, 'collaborator', { declarations: 'write' });
    const payer = await createUser(db());
    await addMember(db(), ids.nancy, payer.id, 'collaborator', { payments: 'write' });

    expect(await sendReminders(db(), [contributionReminderSource], '2026-12-07')).toEqual([{ source: 'cotisations', due: 0, sent: 0 }]);
    // Reims pays October before the reminder: nothing to remind.
    const october = (await getAccountStatement(db(), ids.reims, '2026-12-01')).months.find((m) => m.period === '2026-10-01')!;
    const amount = (october.dueCents / 100).toFixed(2).replace('.', ',');
    const cli = await runCaisseCli(['record-payment', '--siret', demoCompanies.reims.siret, '--periode', '2026-10', '--montant', amount, '--date', '2026-12-01'], {
      out: () => {},
      err: () => {},
      getDb: async () => db(),
      cwd: process.cwd(),
    });
    expect(cli).toBe(0);

    const first = await sendReminders(db(), [contributionReminderSource], '2026-12-08');
    expect(first).toEqual([{ source: 'cotisations', due: 3, sent: 3 }]);
    const again = await sendReminders(db(), [contributionReminderSource], '2026-12-09');
    expect(again).toEqual([{ source: 'cotisations', due: 3, sent: 0 }]);

    const mails = await db().select({ to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.text }).from(mailOutbox).where(eq(mailOutbox.template, 'contribution-due'));
    // Strasbourg's administrator; for Nancy (no administrator account yet) the collaborator with the payments right and
    // the delegated firm; not the collaborator without the right, not Reims (paid).
    expect(mails.map((m) => m.to).sort()).toEqual([demoUsers.rhenane.email, firmAdmin.email, payer.email].sort());
    expect(mails.map((m) => m.to)).not.toContain(demoAttestationUser.email);
    const strasbourg = mails.find((m) => m.to === demoUsers.rhenane.email)!;
    expect(strasbourg.subject).toBe('Cotisation d’octobre 2026 : échéance le 15/12/2026');
    expect(strasbourg.text).toContain('Rénovation Rhénane Démo SAS');
    expect(strasbourg.text).toMatch(/\d\s€/);
  });
});
