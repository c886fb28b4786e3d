import { z } from 'zod';

// Forms of the declarations area (importable by client components: no I/O).

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const lineField = new RegExp(`^(hours|wages)_(${UUID})$`, 'i');

export const declarationIntents = ['draft', 'send', 'confirm'] as const;
export type DeclarationIntent = (typeof declarationIntents)[number];

/**
 * The month form: which month and kind it edits, what the user asks (save the draft, send → confirm),
 * the idempotency key generated when the form was rendered, and one `hours_<workerId>` and
 * `wages_<workerId>` text per line, kept as typed (the server parses and recomputes).
 */
export const declarationFormSchema = z
  .looseObject({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'Mois invalide.'),
    kind: z.enum(['initial', 'corrective']),
    intent: z.enum(declarationIntents).catch('draft'),
    idempotencyKey: z.string().regex(new RegExp(`^${UUID}$`, 'i'), 'Rechargez la page.'),
  })
  .transform(({ period, kind, intent, idempotencyKey, ...rest }) => {
    const values: Record<string, { hours: string; wages: string }> = {};
    for (const [key, value] of Object.entries(rest)) {
      const m = lineField.exec(key);
      if (!m || typeof value !== 'string') continue;
      const id = m[2]!.toLowerCase();
      values[id] ??= { hours: '', wages: '' };
      values[id][m[1]!.toLowerCase() as 'hours' | 'wages'] = value.slice(0, 30);
    }
    return { period, kind, intent, idempotencyKey: idempotencyKey.toLowerCase(), values };
  });
export type DeclarationFormInput = z.output<typeof declarationFormSchema>;

export const importCsvSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'Mois invalide.'),
  kind: z.enum(['initial', 'corrective']),
});

/** What the « send » step answers before the confirmation: the totals as the server computed them. */
export type SendConfirmation = { confirm: { lines: number; hoursHundredths: number; wagesCents: number; contributionCents: number; previousContributionCents: number | null } };
export type CsvReport = {
  report: { line: number; ok: boolean; label: string; text: string }[];
  imported: number;
  /** The draft after the import, as the form shows it. */
  values: Record<string, { hours: string; wages: string }>;
};
