import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@postal/config';
import { afterAll, describe, expect, it } from 'vitest';
import { readStackConfig } from './config.js';

/* `npm start` reads its configuration this way before it opens the database; it holds both JWT keys. */
const dataDir = mkdtempSync(join(tmpdir(), 'pf-stack-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const ed25519 = () => generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const env = (JWT_PRIVATE_KEY: string, JWT_PUBLIC_KEY: string) => ({ NODE_ENV: 'test', DATA_DIR: dataDir, IDENTITY_SECRET: 'i'.repeat(40), JWT_PRIVATE_KEY, JWT_PUBLIC_KEY });

describe('stack start-up configuration', () => {
  it('takes a matching Ed25519 pair', () => {
    const pair = ed25519();
    expect(readStackConfig(env(pair.privateKey, pair.publicKey)).secrets).toMatchObject({ jwtPublicKey: pair.publicKey });
  });

  it('refuses a private and a public key that are not a pair, as a ConfigError naming both', () => {
    let error: unknown;
    try {
      readStackConfig(env(ed25519().privateKey, ed25519().publicKey));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.variable)).toEqual(['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY']);
    expect(problems[0]?.message).toContain('not the private half of JWT_PUBLIC_KEY');
    expect(problems[1]?.message).toContain('not the public half of JWT_PRIVATE_KEY');
  });
});
