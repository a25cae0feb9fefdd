import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './load.js';

export interface Secrets {
  identitySecret: string;
  jwtPrivateKey: string;
  jwtPublicKey: string;
}

/**
 * Secrets come from the environment. Outside production, any that is missing is generated once and kept in
 * `<DATA_DIR>/secrets.json` (mode 0600), so the embedded default needs no set-up and tokens survive restarts. In
 * production a missing secret stops start-up, naming the variable: generating one there would silently split the
 * gateway and the subgraphs onto different keys.
 */
export function resolveSecrets(options: {
  nodeEnv: string;
  dataDir: string;
  identitySecret?: string | undefined;
  jwtPrivateKey?: string | undefined;
  jwtPublicKey?: string | undefined;
  /** Which secrets this process needs; the gateway never needs the private key. */
  need: Array<keyof Secrets>;
}): Partial<Secrets> {
  const fromEnv: Partial<Secrets> = {
    ...(options.identitySecret ? { identitySecret: options.identitySecret } : {}),
    ...(options.jwtPrivateKey ? { jwtPrivateKey: options.jwtPrivateKey } : {}),
    ...(options.jwtPublicKey ? { jwtPublicKey: options.jwtPublicKey } : {}),
  };
  const missing = options.need.filter((key) => !fromEnv[key]);
  if (missing.length === 0) return fromEnv;
  if (options.nodeEnv === 'production') {
    throw new ConfigError(missing.map((key) => ({ variable: VARIABLE[key], message: 'required when NODE_ENV=production' })));
  }
  return { ...localSecrets(options.dataDir), ...fromEnv };
}

const VARIABLE: Record<keyof Secrets, string> = {
  identitySecret: 'IDENTITY_SECRET',
  jwtPrivateKey: 'JWT_PRIVATE_KEY',
  jwtPublicKey: 'JWT_PUBLIC_KEY',
};

function localSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const secrets: Secrets = {
    identitySecret: randomBytes(32).toString('base64url'),
    jwtPrivateKey: privateKey,
    jwtPublicKey: publicKey,
  };
  mkdirSync(dataDir, { recursive: true });
  // 'wx' fails if another process wrote the file first; then that one is the truth.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
    throw error;
  }
  return secrets;
}
