import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@postal/db';
import { loginAttempts } from './tables.js';

/** The key of a username nobody holds: the SHA-256 of its normalised form (see auth/tables.ts). */
export function usernameKey(normalisedUsername: string): string {
  return createHash('sha256').update(normalisedUsername, 'utf8').digest('hex');
}

/**
 * The failure count and lock of a username nobody holds, its row created if need be and locked (the upsert takes the
 * row lock), so parallel guesses count one by one, as they do on a staff row.
 */
export async function lockLoginAttempts(tx: Tx, key: string): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
  const [row] = await tx
    .insert(loginAttempts)
    .values({ usernameKey: key })
    .onConflictDoUpdate({ target: loginAttempts.usernameKey, set: { updatedAt: sql`now()` } })
    .returning({ failedLoginCount: loginAttempts.failedLoginCount, lockedUntil: loginAttempts.lockedUntil });
  if (!row) throw new Error('the login attempts upsert answered no row');
  return row;
}

export async function updateLoginAttempts(tx: Tx, key: string, next: { failedLoginCount: number; lockedUntil: Date | null }): Promise<void> {
  await tx.update(loginAttempts).set({ ...next, updatedAt: sql`now()` }).where(eq(loginAttempts.usernameKey, key));
}
