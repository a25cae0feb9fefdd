import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwtKeyProblems, type KeySource } from './jwt-keys.js';
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
 * gateway and the subgraphs onto different keys. The access-token keys are checked here too, so every process that
 * starts (the gateway, the administration subgraph, the stack) refuses a wrong one the same way, as a ConfigError
 * naming the variable, instead of crashing or starting and then refusing every token (see jwt-keys.ts). A process gets
 * only the secrets it needs.
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
  if (missing.length > 0 && options.nodeEnv === 'production') {
    throw new ConfigError(missing.map((key) => ({ variable: VARIABLE[key], message: 'required when NODE_ENV=production' })));
  }
  const local = missing.length > 0 ? localSecrets(options.dataDir) : undefined;
  const file = join(options.dataDir, 'secrets.json');
  const secrets: Partial<Secrets> = {};
  for (const key of options.need) {
    const value = fromEnv[key] ?? local?.[key];
    if (value) secrets[key] = value;
  }
  const problems = jwtKeyProblems(keysToCheck(options.need, fromEnv, local, file));
  if (problems.length > 0) throw new ConfigError(problems);
  return secrets;
}

/**
 * The keys this process uses, each with where it came from. Where one half came from secrets.json and the process
 * does not use the other, the file's other half is checked with it, so a secrets.json whose two keys are not a pair is
 * refused by whichever process reads it first.
 */
function keysToCheck(
  need: Array<keyof Secrets>,
  fromEnv: Partial<Secrets>,
  local: Partial<Secrets> | undefined,
  file: string,
): { privateKey?: KeySource; publicKey?: KeySource } {
  const source = (key: 'jwtPrivateKey' | 'jwtPublicKey'): KeySource | undefined => {
    if (fromEnv[key]) return { pem: fromEnv[key] };
    const pem = local?.[key];
    return pem ? { pem, file } : undefined;
  };
  const privateKey = source('jwtPrivateKey');
  const publicKey = source('jwtPublicKey');
  const usesPrivate = need.includes('jwtPrivateKey');
  const usesPublic = need.includes('jwtPublicKey');
  const keys: { privateKey?: KeySource; publicKey?: KeySource } = {};
  if (privateKey && (usesPrivate || (usesPublic && publicKey?.file && privateKey.file))) keys.privateKey = privateKey;
  if (publicKey && (usesPublic || (usesPrivate && privateKey?.file && publicKey.file))) keys.publicKey = publicKey;
  return keys;
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
