import 'server-only';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisationMembers, organisations, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';

export type TestUserInput = {
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  isCaisseStaff?: boolean;
  /** Member (admin) of this organisation; none for caisse staff when omitted. */
  organisationSiret?: string | null;
};

/**
 * An active account made for one end-to-end test, so that tests which change a password, an email or
 * the second factor never touch the shared demo accounts. Only reachable when APP_ENV=test.
 */
export async function createTestUser(db: Db, input: TestUserInput = {}) {
  const suffix = crypto.randomBytes(4).toString('hex');
  const email = (input.email ?? `e2e-${suffix}@exemple.test`).trim().toLowerCase();
  const password = input.password ?? `Essai-${suffix}-Chantier-Toiture`;
  const siret = input.organisationSiret === undefined ? (input.isCaisseStaff ? null : '92345678400019') : input.organisationSiret;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        firstName: input.firstName ?? 'Camille',
        lastName: input.lastName ?? `Essai ${suffix}`,
        status: 'active',
        isCaisseStaff: input.isCaisseStaff ?? false,
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    if (siret) {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, siret));
      if (!org) throw new Error(`No organisation with SIRET ${siret}`);
      // A collaborator with every area, never an administrator: test users must not change who
      // administers the shared demo company (other suites rely on its single administrator).
      const rights = { declarations: 'write', payments: 'write', leave: 'write', attestations: 'write', documents: 'write' } as const;
      await tx.insert(organisationMembers).values({ organisationId: org.id, userId: user!.id, role: 'collaborator', rights });
    }
    return { id: user!.id, email, password };
  });
}
