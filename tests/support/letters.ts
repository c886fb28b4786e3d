import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { organisations, provisionalCredentials } from '@/db/schema';
import { luhnCheckDigit } from '@/lib/companies/siret';
import { getEnv } from '@/lib/env';
import { hashCode, hashIdentifier } from '@/lib/onboarding/credentials';

/** A random valid SIRET (Luhn over the SIREN and over the 14 digits), never La Poste's. */
export function randomSiret(): string {
  for (;;) {
    const siren = crypto.randomInt(10_000_000, 99_999_999).toString();
    const fullSiren = siren + luhnCheckDigit(siren);
    if (fullSiren === '356000000') continue;
    const nic = crypto.randomInt(0, 9999).toString().padStart(4, '0');
    return fullSiren + nic + luhnCheckDigit(fullSiren + nic);
  }
}

export async function createTestOrganisation(db: Db, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const siret = overrides.siret ?? randomSiret();
  const [row] = await db
    .insert(organisations)
    .values({
      kind: 'company',
      siret,
      name: `Entreprise de test ${siret.slice(0, 6)}`,
      addressLine: '1 rue du Test',
      postcode: '54000',
      city: 'Nancy',
      departmentCode: '54',
      ...overrides,
    })
    .returning();
  return row!;
}

const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomCode(): string {
  const chars = Array.from({ length: 8 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Issues a pair of letters for an organisation as the caisse would (stored hashed); returns the secrets. */
export async function issueTestLetters(
  db: Db,
  organisationId: string,
  options: { identifier?: string; code?: string; issuedAt?: Date; expiresAt?: Date } = {},
) {
  const identifier = options.identifier ?? `GE-TEST-${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
  const code = options.code ?? randomCode();
  const issuedAt = options.issuedAt ?? new Date();
  const [row] = await db
    .insert(provisionalCredentials)
    .values({
      organisationId,
      identifierHash: hashIdentifier(identifier, getEnv().lettersSecret),
      codeHash: await hashCode(code),
      issuedAt,
      expiresAt: options.expiresAt ?? new Date(issuedAt.getTime() + 60 * 86_400_000),
    })
    .returning({ id: provisionalCredentials.id });
  return { id: row!.id, identifier, code };
}
