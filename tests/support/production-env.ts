/** A complete production configuration (fake values): what lib/env.ts requires when APP_ENV=production. */
export const productionSecrets = {
  AUTH_SECRET: 'x'.repeat(48),
  DATABASE_URL: 'postgres://espace@db.internal:5432/espace',
  APP_URL: 'https://espace.cibtp-grandest.test/',
  RESEND_API_KEY: 're_live_key',
  LETTERS_SECRET: 'l'.repeat(48),
  ATTESTATION_SIGNING_KEYS: '{"keys":[]}',
  DOCUMENTS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SEPA_CREDITOR_ID: 'FR72ZZZ123456',
  CAISSE_IBAN: 'FR76 3000 6000 0112 3456 7890 189',
  CAISSE_BIC: 'AGRIFRPP',
} as const;
