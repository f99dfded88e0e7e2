/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB memory, 2 iterations). Hashes never leave lib/auth
 * and lib/data; passwords are never logged.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the email is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    dummyHash ??= hashPassword('no account has this password');
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return passwordHash !== null && ok;
  } catch {
    // A malformed stored hash is treated as a failed verification, never as success.
    return false;
  }
}
