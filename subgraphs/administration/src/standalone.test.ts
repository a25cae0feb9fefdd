import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@postal/config';
import { readStandaloneConfig } from '@postal/server';
import { afterAll, describe, expect, it } from 'vitest';
import { administrationStandalone } from './standalone.js';

/* The administration's start (`node dist/main.js`) reads its configuration this way before it opens anything. */
const dataDir = mkdtempSync(join(tmpdir(), 'pf-administration-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = (JWT_PRIVATE_KEY: string) => ({ NODE_ENV: 'test', DATA_DIR: dataDir, IDENTITY_SECRET: 'i'.repeat(40), JWT_PRIVATE_KEY });
const keys = (type: 'ed25519' | 'rsa') =>
  type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    : generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

function refusal(JWT_PRIVATE_KEY: string): ConfigError {
  try {
    readStandaloneConfig(administrationStandalone, env(JWT_PRIVATE_KEY));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('administration start-up configuration', () => {
  it('takes an Ed25519 private key', () => {
    const { privateKey } = keys('ed25519');
    expect(readStandaloneConfig(administrationStandalone, env(privateKey)).secrets.jwtPrivateKey).toBe(privateKey);
  });

  it('refuses an RSA private key as a ConfigError naming JWT_PRIVATE_KEY', () => {
    expect(refusal(keys('rsa').privateKey).problems).toEqual([
      { variable: 'JWT_PRIVATE_KEY', message: 'an rsa key; access tokens are signed with Ed25519' },
    ]);
  });

  it('refuses a PEM that is not a key, one line with literal \\n as environments carry it', () => {
    expect(refusal('-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----').problems).toEqual([
      { variable: 'JWT_PRIVATE_KEY', message: expect.stringMatching(/^not a PEM private key \(/) },
    ]);
  });
});
