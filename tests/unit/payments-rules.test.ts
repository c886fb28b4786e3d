import { describe, expect, it } from 'vitest';
import {
  addMonths,
  buildRum,
  checkBic,
  checkIban,
  contributionDueOn,
  declarationDeadline,
  effectiveDeclarations,
  formatIban,
  isValidCreditorId,
  isValidRum,
  latePenaltyCents,
  maskIban,
  missingDeclarationPeriods,
  monthAccount,
  monthsStartedLate,
  ofPeriod,
  parseAmountCents,
  termsFor,
  transferReference,
  type ContributionTerms,
  type PaymentFact,
  type SentDeclaration,
} from '@/lib/payments/rules';

const terms: ContributionTerms = { effectiveFrom: '2020-01-01', paymentDelayDays: 45, declarationDelayDays: 15, penaltyBasisPointsPerMonth: 100, reminderDaysBefore: 7 };

describe('due date of a declared month: 45 days after its last day', () => {
  it.each([
    ['2026-09-01', '2026-11-14'],
    ['2026-11-01', '2027-01-14'], // across the year
    ['2026-12-01', '2027-02-14'],
    ['2028-01-01', '2028-03-16'], // February 2028 has 29 days
    ['2029-01-01', '2029-03-17'], // … February 2029 has 28
    ['2028-02-01', '2028-04-14'], // from 29 February
    ['2027-02-01', '2027-04-14'], // from 28 February
    ['2100-02-01', '2100-04-14'], // 2100 is not a leap year
    ['2000-02-01', '2000-04-14'], // 2000 is
    ['2026-07-01', '2026-09-14'],
  ])('%s → %s', (period, due) => {
    expect(contributionDueOn(period, terms)).toBe(due);
  });

  it('takes the delay from the terms in force for the month', () => {
    const all = [terms, { ...terms, effectiveFrom: '2027-01-01', paymentDelayDays: 30 }];
    expect(contributionDueOn('2026-12-01', termsFor(all, '2026-12-01')!)).toBe('2027-02-14');
    expect(contributionDueOn('2027-01-01', termsFor(all, '2027-01-01')!)).toBe('2027-03-02');
    expect(termsFor(all, '2019-12-01')).toBeNull();
  });

  it.each([
    ['2026-09-01', '2026-10-15'],
    ['2028-02-01', '2028-03-15'],
    ['2026-12-01', '2027-01-15'],
  ])('declaration deadline of %s → %s', (period, deadline) => {
    expect(declarationDeadline(period, terms)).toBe(deadline);
  });
});

describe('months of lateness started', () => {
  it.each([
    ['2026-11-14', '2026-11-13', 0],
    ['2026-11-14', '2026-11-14', 0], // the due date itself is not late
    ['2026-11-14', '2026-11-15', 1],
    ['2026-11-14', '2026-12-14', 1],
    ['2026-11-14', '2026-12-15', 2],
    ['2026-11-14', '2027-11-14', 12],
    ['2026-11-14', '2027-11-15', 13],
    ['2028-01-31', '2028-02-29', 1], // month-end due date, leap February
    ['2028-01-31', '2028-03-01', 2],
    ['2027-01-31', '2027-02-28', 1],
    ['2027-01-31', '2027-03-01', 2],
    ['2028-03-16', '2028-04-16', 1],
    ['2028-03-16', '2028-04-17', 2],
  ])('due %s, today %s → %i', (due, today, months) => {
    expect(monthsStartedLate(due, today)).toBe(months);
  });

  it.each([
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 2, '2028-03-31'],
    ['2026-11-14', 2, '2027-01-14'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) → %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });
});

describe('late penalty: 1 % of the unpaid contribution per month started, each month rounded half up to the cent', () => {
  const base = { dueCents: 123_456, dueOn: '2026-11-14', basisPointsPerMonth: 100 };
  it.each([
    ['on the due date', '2026-11-14', [], 0],
    ['the day after, nothing paid', '2026-11-15', [], 1235],
    ['three months started, nothing paid', '2027-01-15', [], 3 * 1235],
    ['paid in full 10 days late, seen 3 months later', '2027-02-20', [{ receivedOn: '2026-11-24', amountCents: 123_456 }], 1235],
    ['paid in full on the due date', '2027-02-20', [{ receivedOn: '2026-11-14', amountCents: 123_456 }], 0],
    ['part paid on the due date, second month started', '2026-12-20', [{ receivedOn: '2026-11-14', amountCents: 100_000 }], 2 * 235],
    ['part paid during the first month', '2026-12-20', [{ receivedOn: '2026-11-30', amountCents: 100_000 }], 1235 + 235],
  ])('%s', (_label, today, receipts, expected) => {
    expect(latePenaltyCents({ ...base, today, receipts })).toBe(expected);
  });

  it.each([
    [50, 1], // 0,5 cent rounds up
    [49, 0],
    [150, 2], // 1,5 → 2
    [100_000_00, 100_000],
  ])('%i cents one month late → %i', (dueCents, expected) => {
    expect(latePenaltyCents({ dueCents, dueOn: '2026-11-14', today: '2026-11-20', receipts: [], basisPointsPerMonth: 100 })).toBe(expected);
  });
});

describe('a month of the relevé de compte', () => {
  const declaration: SentDeclaration = { id: 'd1', period: '2026-09-01', number: 'DEC-2026-000001', kind: 'initial', sentAt: new Date('2026-10-05T09:00:00Z'), totalContributionCents: 100_000 };
  const payment = (p: Partial<PaymentFact>): PaymentFact => ({
    id: 'p',
    period: '2026-09-01',
    amountCents: 100_000,
    method: 'transfer',
    status: 'received',
    reference: null,
    announcedAt: null,
    receivedOn: '2026-11-10',
    rejectedOn: null,
    rejectionReason: null,
    ...p,
  });

  it.each([
    ['not yet due, nothing paid', '2026-11-10', [], { dueOn: '2026-11-14', penaltyCents: 0, receivedCents: 0, balanceCents: 100_000, isOverdue: false }],
    ['unpaid after the due date', '2026-11-27', [], { penaltyCents: 1000, balanceCents: 101_000, isOverdue: true, monthsLate: 1 }],
    ['paid before the due date', '2026-11-27', [payment({})], { receivedCents: 100_000, penaltyCents: 0, balanceCents: 0, isOverdue: false, monthsLate: 0 }],
    [
      'announced only: shown, not counted',
      '2026-11-27',
      [payment({ status: 'announced', receivedOn: null, amountCents: 101_000 })],
      { announcedCents: 101_000, receivedCents: 0, balanceCents: 101_000, isOverdue: true },
    ],
    ['rejected debit: not counted', '2026-11-27', [payment({ status: 'rejected', method: 'sepa_debit', rejectedOn: '2026-11-16' })], { receivedCents: 0, balanceCents: 101_000 }],
    ['received after « today »: not yet counted', '2026-11-12', [payment({ receivedOn: '2026-11-13' })], { receivedCents: 0, balanceCents: 100_000, isOverdue: false }],
    ['contribution paid late, penalty left', '2026-12-01', [payment({ receivedOn: '2026-11-20' })], { receivedCents: 100_000, penaltyCents: 1000, balanceCents: 1000, isOverdue: true }],
  ])('%s', (_label, today, payments, expected) => {
    expect(monthAccount({ declaration, payments, terms, today })).toMatchObject({ dueCents: 100_000, ...expected });
  });

  it('a corrective declaration replaces the initial one of its month', () => {
    const corrective = { ...declaration, id: 'd2', kind: 'corrective' as const, sentAt: new Date('2026-10-20T09:00:00Z'), totalContributionCents: 150_000 };
    const other = { ...declaration, id: 'd3', period: '2026-08-01' };
    const map = effectiveDeclarations([corrective, declaration, other]);
    expect(map.get('2026-09-01')!.id).toBe('d2');
    expect(map.get('2026-08-01')!.id).toBe('d3');
    expect(monthAccount({ declaration: map.get('2026-09-01')!, payments: [payment({})], terms, today: '2026-11-10' }).balanceCents).toBe(50_000);
  });
});

describe('months not declared whose deadline passed', () => {
  const declared = new Set(['2026-01-01', '2026-02-01', '2026-04-01']);
  it.each([
    ['2026-06-10', ['2026-03-01']],
    ['2026-06-15', ['2026-03-01']], // May's deadline is the 15 June itself
    ['2026-06-16', ['2026-03-01', '2026-05-01']],
    ['2026-02-15', []], // January's deadline not yet passed
  ])('today %s → %j', (today, expected) => {
    expect(missingDeclarationPeriods({ declaredPeriods: declared, firstPeriod: '2026-01-01', terms: [terms], today }).map((m) => m.period)).toEqual(expected);
  });

  it('nothing is expected from a company that never declared (the caisse’s records start at its first declaration)', () => {
    expect(missingDeclarationPeriods({ declaredPeriods: new Set(), firstPeriod: null, terms: [terms], today: '2026-06-16' })).toEqual([]);
  });
});

describe('IBAN', () => {
  it.each([
    ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    ['fr7630006000011234567890189', 'FR7630006000011234567890189'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['GB29NWBK60161331926819', 'GB29NWBK60161331926819'],
  ])('%s is valid', (input, iban) => {
    expect(checkIban(input)).toEqual({ ok: true, iban });
  });

  it.each([
    ['', /Indiquez/],
    ['FR7630006000011234567890188', /clé de contrôle/], // last digit changed
    ['FR76300060000112345678901', /Longueur/],
    ['XX7630006000011234567890189', /Pays inconnu/],
    ['BR1800360305000010009795493C1', /zone SEPA/], // a valid Brazilian IBAN
    ['3000 6000 0112', /code du pays/],
  ])('%s is refused', (input, message) => {
    const result = checkIban(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('is shown in groups of four, or masked', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 •••• •••• •••• •••• •••0 189'); // the last four: 0189
  });
});

describe('BIC', () => {
  it.each([
    ['BNPAFRPP', undefined, true],
    ['BNPAFRPPXXX', undefined, true],
    ['bnpa frpp', undefined, true],
    ['BNPAFRPP', 'FR7630006000011234567890189', true],
    ['BNPAFRPP', 'DE89370400440532013000', false], // the BIC's country is not the IBAN's
    ['BNP4FRPP', undefined, false],
    ['BNPAFRP', undefined, false],
    ['', undefined, false],
  ])('%s (IBAN %s) → %s', (bic, iban, ok) => {
    expect(checkBic(bic, iban).ok).toBe(ok);
  });
});

describe('mandate reference (RUM) and creditor identifier (ICS)', () => {
  it('builds the RUM from the prefix, the membership number and a sequence', () => {
    expect(buildRum({ prefix: 'CIBTPGE', membershipNumber: 'GE-067-001523', sequence: 1 })).toBe('CIBTPGE-GE-067-001523-001');
    expect(buildRum({ prefix: 'CIBTPGE', membershipNumber: 'ge 054/000417', sequence: 12 })).toBe('CIBTPGE-GE054000417-012');
    expect(() => buildRum({ prefix: 'CIBTPGE', membershipNumber: 'X'.repeat(30), sequence: 1 })).toThrow(RangeError);
  });

  it.each([
    ['CIBTPGE-GE-067-001523-001', true],
    ['ABC/DEF (2)', true],
    ['/ABC', false],
    ['A//B', false],
    ['RÉF-1', false],
    ['A'.repeat(35), true],
    ['A'.repeat(36), false],
    ['', false],
  ])('RUM %s → %s', (rum, ok) => {
    expect(isValidRum(rum)).toBe(ok);
  });

  it.each([
    ['FR72ZZZ123456', true],
    ['fr72 zzz 123456', true],
    ['FR07ZZZ5E7A91', true],
    ['FR72ABC123456', true], // the business code is not part of the check
    ['FR73ZZZ123456', false], // wrong check digits
    ['FR72ZZZ12345', false], // a French ICS has 13 characters
    ['DE98ZZZ09999999999', true], // the Bundesbank's test creditor
    ['DE97ZZZ09999999999', false],
    ['ZZZ123456', false],
  ])('ICS %s → %s', (ics, ok) => {
    expect(isValidCreditorId(ics)).toBe(ok);
  });
});

describe('amounts and transfer reference', () => {
  it.each([
    ['1234,56', 123_456],
    ['1 234,56', 123_456],
    ['1\u202f234,56 €', 123_456],
    ['1234.5', 123_450],
    ['1234', 123_400],
    ['0,01', 1],
    ['12,345', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (input, cents) => {
    expect(parseAmountCents(input)).toBe(cents);
  });

  it.each([
    ['2026-09-01', 'de septembre 2026'],
    ['2026-04-01', 'd’avril 2026'],
    ['2026-08-01', 'd’août 2026'],
    ['2026-10-01', 'd’octobre 2026'],
  ])('%s → « %s »', (period, label) => {
    expect(ofPeriod(period)).toBe(label);
  });

  it('quotes the membership number and the month', () => {
    expect(transferReference('GE-067-001523', '2026-09-01')).toBe('COT-GE067001523-202609');
  });
});
