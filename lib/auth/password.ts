import { hash, verify } from '@node-rs/argon2';

// OWASP password storage cheat sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 /* Argon2id */ } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
