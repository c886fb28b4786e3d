import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import { checkBic, checkIban, isValidCreditorId } from './payments/rules';

// The one place that reads process.env. Everything else calls getEnv().
// Not marked 'server-only' on purpose: the caisse CLI and db scripts (plain Node) read it too.

export const appEnvironments = ['development', 'test', 'production'] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  APP_ENV: z.enum(appEnvironments),
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// / must start with postgres://').optional(),
  ),
  DATA_DIR: z.string().default('.data'),
  APP_URL: optionalString.pipe(z.url().optional()),
  PORT: z.coerce.number().int().positive().default(3000),
  AUTH_SECRET: optionalString,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  MAIL_FROM: z.string().default('CIBTP Grand Est <ne-pas-repondre@cibtp-grandest.test>'),
  MAIL_DISPATCH_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  DB_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  LETTERS_SECRET: optionalString,
  LETTERS_VALIDITY_DAYS: z.coerce.number().int().min(1).max(366).default(60),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  ATTESTATION_SIGNING_KEYS: optionalString,
  ATTESTATION_VALIDITY_MONTHS: z.coerce.number().int().min(1).max(24).default(3),
  PDF_RENDER_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  DECLARATION_REMINDER_DAYS: z.coerce.number().int().min(0).max(27).default(5),
  DOCUMENTS_ENCRYPTION_KEY: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'clé AES-256 en base64 (32 octets) / AES-256 key, base64 of 32 bytes').optional(),
  ),
  DOCUMENTS_DIR: optionalString,
  SEPA_CREDITOR_ID: optionalString.pipe(
    z.string().refine(isValidCreditorId, 'identifiant créancier SEPA (ICS) invalide, ex. FR72ZZZ123456 / invalid SEPA creditor identifier').optional(),
  ),
  SEPA_MANDATE_PREFIX: z.string().regex(/^[A-Z0-9]{2,12}$/, '2 à 12 lettres majuscules ou chiffres / 2–12 upper-case letters or digits').default('CIBTPGE'),
  CAISSE_IBAN: optionalString.pipe(z.string().refine((v) => checkIban(v).ok, 'IBAN invalide / invalid IBAN').optional()),
  CAISSE_BIC: optionalString.pipe(z.string().refine((v) => checkBic(v).ok, 'BIC invalide / invalid BIC').optional()),
  DOCUMENTS_S3_BUCKET: optionalString,
  DOCUMENTS_S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  DOCUMENTS_S3_REGION: optionalString,
  DOCUMENTS_S3_ACCESS_KEY_ID: optionalString,
  DOCUMENTS_S3_SECRET_ACCESS_KEY: optionalString,
  LEAVE_PAYMENT_DELAY_DAYS: z.coerce.number().int().min(0).max(120).default(10),
  LEAVE_REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(90).default(7),
});

export type Env = {
  appEnv: (typeof appEnvironments)[number];
  isProduction: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  appUrl: string;
  authSecret: string;
  resendApiKey: string | undefined;
  resendBaseUrl: string | undefined;
  mailFrom: string;
  mailDispatchIntervalMs: number;
  mailMaxAttempts: number;
  dbPoolMax: number;
  /** Named prepared statements on PostgreSQL (off behind a transaction-pooling PgBouncer). */
  dbPreparedStatements: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** HMAC key of the provisional identifiers (the two letters): the CLI that issues and the app that verifies share it. */
  lettersSecret: string;
  lettersValidityDays: number;
  /** Proxies in front of the app that append to X-Forwarded-For (the client IP is that many entries from the right). */
  trustedProxyHops: number;
  /** JWK set JSON from the environment (production); undefined → dev key file under DATA_DIR. */
  attestationSigningKeys: string | undefined;
  attestationValidityMonths: number;
  /** Attestation PDFs rendered off the main thread by this many threads (0: on it); unset: one per core, at most 4. */
  pdfRenderThreads: number | undefined;
  /** Days before a month's declaration falls due (the 1st of the next month) that its reminder is sent; 0: none before. */
  declarationReminderDays: number;
  /** AES-256-GCM key of the document store (32 bytes). */
  documentsEncryptionKey: Buffer;
  /** Folder of the local document store. */
  documentsDir: string;
  /** The caisse's SEPA creditor identifier (ICS), printed on the mandates. */
  sepaCreditorId: string;
  /** First part of the mandate references (RUM). */
  sepaMandatePrefix: string;
  /** The caisse's account for « Payer par virement » (electronic format). */
  caisseIban: string;
  caisseBic: string;
  /** S3-compatible object storage of the documents (path-style requests), when configured; else the local folder. */
  documentsS3: { bucket: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
  /** Days from a leave registration deadline to its payment run, when the key date gives no end date. */
  leavePaymentDelayDays: number;
  /** Days before a leave registration deadline at which companies with workers lacking a main leave are reminded. */
  leaveReminderDaysBefore: number;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      [
        'Configuration invalide / invalid configuration:',
        ...problems.map((p) => `  - ${p}`),
        'Voir / see README.md § « Environment variables ».',
      ].join('\n'),
    );
    this.name = 'EnvError';
  }
}

function defaultAppEnv(source: NodeJS.ProcessEnv): Env['appEnv'] {
  if (source.NODE_ENV === 'test' || source.VITEST) return 'test';
  return source.NODE_ENV === 'production' ? 'production' : 'development';
}

/** Reads (or creates on first use) a random dev-only secret kept under DATA_DIR. Never used in production. */
export function getDevSecret(dataDir: string, name: string): string {
  const file = path.resolve(dataDir, 'secrets.json');
  let secrets: Record<string, string> = {};
  try {
    secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // absent or unreadable: regenerated below
  }
  const existing = secrets[name];
  if (existing) return existing;
  secrets[name] = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return secrets[name]!;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse({ ...source, APP_ENV: source.APP_ENV || defaultAppEnv(source) });
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.APP_ENV === 'production';
  const problems: string[] = [];
  if (isProduction) {
    if (!e.AUTH_SECRET || e.AUTH_SECRET.length < 32)
      problems.push('AUTH_SECRET manquant ou trop court (≥ 32 caractères) / missing or shorter than 32 characters');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL manquant : la production utilise PostgreSQL / missing: production runs on PostgreSQL');
    if (!e.APP_URL) problems.push('APP_URL manquant (URL publique du site) / missing (public URL of the site)');
    if (!e.LETTERS_SECRET || e.LETTERS_SECRET.length < 32)
      problems.push('LETTERS_SECRET manquant ou trop court (≥ 32 caractères) / missing or shorter than 32 characters');
    if (!e.RESEND_API_KEY) problems.push('RESEND_API_KEY manquant : les courriels ne partiraient pas / missing: emails would not be sent');
    if (!e.ATTESTATION_SIGNING_KEYS)
      problems.push('ATTESTATION_SIGNING_KEYS manquant : clés de signature des attestations (jeu JWK) / missing: attestation signing keys (JWK set)');
    if (!e.DOCUMENTS_ENCRYPTION_KEY)
      problems.push('DOCUMENTS_ENCRYPTION_KEY manquant : clé de chiffrement des documents (32 octets en base64) / missing: document encryption key (base64 of 32 bytes)');
    if (!e.SEPA_CREDITOR_ID) problems.push('SEPA_CREDITOR_ID manquant : identifiant créancier SEPA (ICS) de la caisse / missing: SEPA creditor identifier');
    if (!e.CAISSE_IBAN || !e.CAISSE_BIC) problems.push('CAISSE_IBAN / CAISSE_BIC manquant : compte de la caisse pour les virements / missing: caisse bank account for transfers');
  }
  if (e.DOCUMENTS_S3_BUCKET && (!e.DOCUMENTS_S3_ACCESS_KEY_ID || !e.DOCUMENTS_S3_SECRET_ACCESS_KEY))
    problems.push('DOCUMENTS_S3_BUCKET défini sans DOCUMENTS_S3_ACCESS_KEY_ID et DOCUMENTS_S3_SECRET_ACCESS_KEY / set without its access key id and secret');
  if (problems.length) throw new EnvError(problems);
  const s3Region = e.DOCUMENTS_S3_REGION ?? 'us-east-1';

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    appEnv: e.APP_ENV,
    isProduction,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET ?? getDevSecret(dataDir, 'AUTH_SECRET'),
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL,
    mailFrom: e.MAIL_FROM,
    mailDispatchIntervalMs: e.MAIL_DISPATCH_INTERVAL_MS,
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    dbPoolMax: e.DB_POOL_MAX,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS === 'true',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    lettersSecret: e.LETTERS_SECRET ?? getDevSecret(dataDir, 'LETTERS_SECRET'),
    lettersValidityDays: e.LETTERS_VALIDITY_DAYS,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    attestationSigningKeys: e.ATTESTATION_SIGNING_KEYS,
    attestationValidityMonths: e.ATTESTATION_VALIDITY_MONTHS,
    pdfRenderThreads: e.PDF_RENDER_THREADS,
    declarationReminderDays: e.DECLARATION_REMINDER_DAYS,
    documentsEncryptionKey: Buffer.from(e.DOCUMENTS_ENCRYPTION_KEY ?? getDevSecret(dataDir, 'DOCUMENTS_ENCRYPTION_KEY'), 'base64url'),
    documentsDir: e.DOCUMENTS_DIR ? path.resolve(/*turbopackIgnore: true*/ e.DOCUMENTS_DIR) : path.join(dataDir, 'documents'),
    // Dev and test defaults: a well-formed but fictitious ICS and account (never accepted in production).
    sepaCreditorId: (e.SEPA_CREDITOR_ID ?? 'FR72ZZZ123456').replace(/\s+/g, '').toUpperCase(),
    sepaMandatePrefix: e.SEPA_MANDATE_PREFIX,
    caisseIban: (checkIban(e.CAISSE_IBAN ?? 'FR7630006000011234567890189') as { iban: string }).iban,
    caisseBic: (e.CAISSE_BIC ?? 'AGRIFRPP').replace(/\s+/g, '').toUpperCase(),
    documentsS3: e.DOCUMENTS_S3_BUCKET
      ? {
          bucket: e.DOCUMENTS_S3_BUCKET,
          endpoint: (e.DOCUMENTS_S3_ENDPOINT ?? `https://s3.${s3Region}.amazonaws.com`).replace(/\/$/, ''),
          region: s3Region,
          accessKeyId: e.DOCUMENTS_S3_ACCESS_KEY_ID!,
          secretAccessKey: e.DOCUMENTS_S3_SECRET_ACCESS_KEY!,
        }
      : null,
    leavePaymentDelayDays: e.LEAVE_PAYMENT_DELAY_DAYS,
    leaveReminderDaysBefore: e.LEAVE_REMINDER_DAYS_BEFORE,
  };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= loadEnv();
  return cached;
}
