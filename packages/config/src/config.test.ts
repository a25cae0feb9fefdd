import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, accountsEnv, administrationEnv, assertProductionServers, gatewayEnv, gatewayLimits, loadConfig, notifierSettings, resolveSecrets, stackEnv } from './index.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(administrationEnv, {});
    expect(config.PORT).toBe(4001);
    expect(config.NODE_ENV).toBe('development');
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
  });

  it('points the accounts subgraph at administration on its default port', () => {
    const config = loadConfig(accountsEnv, {});
    expect(config.PORT).toBe(4002);
    expect(config.ADMINISTRATION_URL).toBe('http://127.0.0.1:4001/graphql');
    expect(config.LEDGER_START_DATE).toBeUndefined();
  });

  it('takes a ledger start date, a calendar date or nothing', () => {
    expect(loadConfig(accountsEnv, { LEDGER_START_DATE: '2020-04-01' }).LEDGER_START_DATE).toBe('2020-04-01');
    expect(() => loadConfig(accountsEnv, { LEDGER_START_DATE: '2020-02-30' })).toThrow(/LEDGER_START_DATE: expected a date/);
  });

  it('names every variable at fault', () => {
    let error: unknown;
    try {
      loadConfig(gatewayEnv, { PORT: 'eighty', DATABASE_URL: 'mysql://x', MAX_QUERY_DEPTH: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'MAX_QUERY_DEPTH', 'PORT']);
    expect((error as Error).message).toContain('DATABASE_URL: expected a postgres://');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(gatewayEnv, { PORT: '' }).PORT).toBe(4000);
  });

  it('refuses a short identity secret', () => {
    expect(() => loadConfig(gatewayEnv, { IDENTITY_SECRET: 'short' })).toThrow(/IDENTITY_SECRET: must be at least 32/);
  });

  it('unfolds a one-line PEM', () => {
    const config = loadConfig(gatewayEnv, { JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----' });
    expect(config.JWT_PUBLIC_KEY).toContain('\nabc\n');
  });
});

describe('resolveSecrets', () => {
  it('generates secrets once outside production and keeps them private', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pf-secrets-'));
    const first = resolveSecrets({ nodeEnv: 'development', dataDir, need: ['identitySecret', 'jwtPrivateKey'] });
    const second = resolveSecrets({ nodeEnv: 'development', dataDir, need: ['identitySecret', 'jwtPublicKey'] });
    expect(first.identitySecret).toBe(second.identitySecret);
    expect(first.jwtPrivateKey).toContain('BEGIN PRIVATE KEY');
    expect(second.jwtPublicKey).toContain('BEGIN PUBLIC KEY');
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pf-secrets-'));
    const secrets = resolveSecrets({ nodeEnv: 'development', dataDir, identitySecret: 'x'.repeat(40), need: ['identitySecret'] });
    expect(secrets.identitySecret).toBe('x'.repeat(40));
  });

  it('refuses to generate in production, naming the variable', () => {
    expect(() => resolveSecrets({ nodeEnv: 'production', dataDir: '/nonexistent', need: ['jwtPublicKey'] })).toThrow(
      /JWT_PUBLIC_KEY: required when NODE_ENV=production/,
    );
  });
});

describe('resolveSecrets: the JWT keys', () => {
  const pair = (type: 'ed25519' | 'rsa') =>
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
      : generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const ed = pair('ed25519');
  const other = pair('ed25519');
  const rsa = pair('rsa');
  const garbage = (kind: string) => `-----BEGIN ${kind}-----\nbm90IGEga2V5\n-----END ${kind}-----\n`;
  const identitySecret = 'i'.repeat(40);
  const dataDir = () => mkdtempSync(join(tmpdir(), 'pf-secrets-'));

  /** The ConfigError's problems as `VARIABLE: message` lines, or [] when resolveSecrets accepted the keys. */
  function problems(options: Omit<Parameters<typeof resolveSecrets>[0], 'dataDir' | 'nodeEnv'> & { dataDir?: string }): string[] {
    try {
      resolveSecrets({ nodeEnv: 'production', identitySecret, dataDir: '/nonexistent', ...options });
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.problems.map((problem) => `${problem.variable}: ${problem.message}`);
    }
  }

  it('accepts an Ed25519 pair, and gives each process only the secrets it needs', () => {
    expect(problems({ jwtPrivateKey: ed.privateKey, jwtPublicKey: ed.publicKey, need: ['jwtPrivateKey', 'jwtPublicKey'] })).toEqual([]);
    const gateway = resolveSecrets({ nodeEnv: 'development', dataDir: dataDir(), jwtPublicKey: ed.publicKey, need: ['identitySecret', 'jwtPublicKey'] });
    expect(Object.keys(gateway).sort()).toEqual(['identitySecret', 'jwtPublicKey']);
  });

  it('refuses an RSA key, naming the variable and the type', () => {
    expect(problems({ jwtPublicKey: rsa.publicKey, need: ['jwtPublicKey'] })).toEqual([
      'JWT_PUBLIC_KEY: an rsa key; access tokens are signed with Ed25519',
    ]);
    expect(problems({ jwtPrivateKey: rsa.privateKey, need: ['jwtPrivateKey'] })).toEqual([
      'JWT_PRIVATE_KEY: an rsa key; access tokens are signed with Ed25519',
    ]);
  });

  it('refuses a PEM that is not a key', () => {
    expect(problems({ jwtPublicKey: garbage('PUBLIC KEY'), need: ['jwtPublicKey'] })).toEqual([
      expect.stringMatching(/^JWT_PUBLIC_KEY: not a PEM public key \(/),
    ]);
    expect(problems({ jwtPrivateKey: garbage('PRIVATE KEY'), need: ['jwtPrivateKey'] })).toEqual([
      expect.stringMatching(/^JWT_PRIVATE_KEY: not a PEM private key \(/),
    ]);
  });

  it('refuses a private key where the public one belongs', () => {
    expect(problems({ jwtPublicKey: ed.privateKey, need: ['jwtPublicKey'] })).toEqual([
      'JWT_PUBLIC_KEY: a private key; give the public key (-----BEGIN PUBLIC KEY-----)',
    ]);
  });

  it('refuses two keys that are not a pair, naming both', () => {
    const found = problems({ jwtPrivateKey: ed.privateKey, jwtPublicKey: other.publicKey, need: ['jwtPrivateKey', 'jwtPublicKey'] });
    expect(found).toEqual([
      'JWT_PRIVATE_KEY: not the private half of JWT_PUBLIC_KEY: the public key derived from it is another one, so every token it signs would be refused',
      'JWT_PUBLIC_KEY: not the public half of JWT_PRIVATE_KEY',
    ]);
  });

  it('refuses a secrets.json whose keys are not a pair, whichever process reads it, naming the file', () => {
    const dir = dataDir();
    const file = join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ identitySecret, jwtPrivateKey: ed.privateKey, jwtPublicKey: other.publicKey }));
    const local = { nodeEnv: 'development', dataDir: dir } as const;
    for (const need of [['jwtPublicKey'], ['jwtPrivateKey'], ['jwtPrivateKey', 'jwtPublicKey']] as const) {
      expect(() => resolveSecrets({ ...local, need: [...need] }), need.join()).toThrow(ConfigError);
      expect(() => resolveSecrets({ ...local, need: [...need] }), need.join()).toThrow(`not the public half of JWT_PRIVATE_KEY (from ${file})`);
    }
    // A key from the environment is the process's own; the file's other half is then not its business.
    expect(() => resolveSecrets({ ...local, jwtPublicKey: other.publicKey, need: ['identitySecret', 'jwtPublicKey'] })).not.toThrow();
  });

  it('refuses a private key from the environment that does not match the generated public one', () => {
    const dir = dataDir();
    resolveSecrets({ nodeEnv: 'development', dataDir: dir, need: ['jwtPublicKey'] });
    expect(() => resolveSecrets({ nodeEnv: 'development', dataDir: dir, jwtPrivateKey: ed.privateKey, need: ['jwtPrivateKey', 'jwtPublicKey'] })).toThrow(
      /JWT_PUBLIC_KEY: not the public half of JWT_PRIVATE_KEY \(from .*secrets\.json\)/,
    );
  });
});

describe('gatewayLimits', () => {
  it('lets Apollo Sandbox introspect in development only', () => {
    expect(gatewayLimits(loadConfig(gatewayEnv, {}))).toEqual({ maxDepth: 15, maxAliases: 15, maxCost: 20_000, maxTokens: 2_000 });
    expect(gatewayLimits(loadConfig(gatewayEnv, { NODE_ENV: 'production' }))).toMatchObject({ maxDepth: 10, maxCost: 5_000 });
    expect(gatewayLimits(loadConfig(gatewayEnv, { NODE_ENV: 'test' }))).toMatchObject({ maxDepth: 10, maxCost: 5_000 });
  });

  it('takes explicit values in any environment', () => {
    expect(gatewayLimits(loadConfig(gatewayEnv, { MAX_QUERY_DEPTH: '7', MAX_QUERY_COST: '900' }))).toMatchObject({ maxDepth: 7, maxCost: 900 });
  });
});

describe('assertProductionServers', () => {
  it('lets development run embedded', () => {
    expect(() => assertProductionServers({ NODE_ENV: 'development', DATABASE_URL: undefined, REDIS_URL: undefined })).not.toThrow();
  });

  it('names each missing server in production', () => {
    expect(() => assertProductionServers({ NODE_ENV: 'production', DATABASE_URL: undefined, REDIS_URL: undefined })).toThrow(
      /DATABASE_URL: required when NODE_ENV=production[\s\S]*REDIS_URL: required/,
    );
    expect(() =>
      assertProductionServers({ NODE_ENV: 'production', DATABASE_URL: undefined, REDIS_URL: 'redis://x' }, 'postgres://own/db'),
    ).not.toThrow();
  });
});

describe('notifierSettings', () => {
  const settingsOf = (env: Record<string, string>) => notifierSettings(loadConfig(administrationEnv, env));
  const variablesAtFault = (env: Record<string, string>) => {
    try {
      settingsOf(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.variable);
    }
  };

  it('defaults to the local outbox under DATA_DIR, for the stack as for administration alone', () => {
    expect(settingsOf({ DATA_DIR: '/srv/postal' })).toEqual({ kind: 'local', dataDir: '/srv/postal' });
    expect(notifierSettings(loadConfig(stackEnv, {}))).toEqual({ kind: 'local', dataDir: '.data' });
  });

  it('reads the SMS and e-mail providers, naming each missing variable', () => {
    expect(settingsOf({ NOTIFIER: 'sms', NOTIFIER_SMS_URL: 'https://sms.example/send', NOTIFIER_SMS_TOKEN: 't'.repeat(16) })).toEqual({
      kind: 'sms',
      url: 'https://sms.example/send',
      token: 't'.repeat(16),
    });
    expect(variablesAtFault({ NOTIFIER: 'sms' })).toEqual(['NOTIFIER_SMS_URL', 'NOTIFIER_SMS_TOKEN']);
    expect(variablesAtFault({ NOTIFIER: 'email', NOTIFIER_EMAIL_URL: 'https://mail.example/send' })).toEqual(['NOTIFIER_EMAIL_TOKEN']);
  });

  it('refuses the local outbox and the memory notifier in production, and a provider that is not https', () => {
    expect(variablesAtFault({ NODE_ENV: 'production' })).toEqual(['NOTIFIER']);
    expect(variablesAtFault({ NODE_ENV: 'production', NOTIFIER: 'memory' })).toEqual(['NOTIFIER']);
    expect(variablesAtFault({ NODE_ENV: 'production', NOTIFIER: 'sms', NOTIFIER_SMS_URL: 'http://sms.example/send', NOTIFIER_SMS_TOKEN: 't'.repeat(16) })).toEqual([
      'NOTIFIER_SMS_URL',
    ]);
    expect(() => settingsOf({ NODE_ENV: 'production' })).toThrow(/NOTIFIER: local is refused when NODE_ENV=production/);
  });
});
