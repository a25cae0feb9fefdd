import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt from Node's own crypto: a memory-hard KDF (RFC 7914) with no native add-on to
 * build or install script to approve, unlike the argon2 bindings. Parameters are stored with each hash so they can be
 * raised later without breaking existing ones: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 * N = 2^15, r = 8, p = 1 costs about 32 MiB and some tens of milliseconds per check on this hardware.
 */
const PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH_BYTES = 32;
const SALT_BYTES = 16;
// scrypt needs 128 * N * r bytes; leave head-room above that for Node's check.
const MAX_MEMORY_BYTES = 128 * PARAMS.N * PARAMS.r * 2;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { ...PARAMS, maxmem: MAX_MEMORY_BYTES }, KEY_LENGTH_BYTES);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; a malformed stored hash verifies nothing rather than throwing at a login. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isSafeInteger)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length === 0) return false;
  const actual = await derive(password, salt, { N, r, p, maxmem: 128 * N * r * 2 }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A valid hash of a random password, checked when a username does not exist so that an unknown user costs the same
 * time as a wrong password and the answer time does not reveal which usernames exist.
 */
export const DUMMY_PASSWORD_HASH = await hashPassword(randomBytes(16).toString('hex'));
