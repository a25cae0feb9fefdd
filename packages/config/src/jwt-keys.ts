import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** One configuration problem, as ConfigError lists them. */
export interface KeyProblem {
  variable: string;
  message: string;
}

/** Where a key came from, for the message: the environment variable itself, or the locally generated file. */
export interface KeySource {
  pem: string;
  /** e.g. ".data/secrets.json"; undefined when the variable itself held it. */
  file?: string | undefined;
}

const ED25519 = 'access tokens are signed with Ed25519';

/**
 * Checks the access-token keys a process was given before anything starts: each must be a PEM key of type Ed25519
 * (an RSA or EC key would start and then fail every login or refuse every token), and where a process has both,
 * the public key derived from the private one must be the given public one (else every token the administration
 * signs is refused by the gateway). Node's own key parser decides what a PEM is. Returns the problems, empty if none.
 */
export function jwtKeyProblems(keys: { privateKey?: KeySource | undefined; publicKey?: KeySource | undefined }): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const privateKey = keys.privateKey && readPrivate(keys.privateKey, problems);
  const publicKey = keys.publicKey && readPublic(keys.publicKey, problems);
  if (privateKey && publicKey && !spki(createPublicKey(privateKey)).equals(spki(publicKey))) {
    problems.push(
      {
        variable: 'JWT_PRIVATE_KEY',
        message: `not the private half of JWT_PUBLIC_KEY: the public key derived from it is another one, so every token it signs would be refused${from(keys.privateKey)}`,
      },
      { variable: 'JWT_PUBLIC_KEY', message: `not the public half of JWT_PRIVATE_KEY${from(keys.publicKey)}` },
    );
  }
  return problems;
}

function readPrivate(source: KeySource, problems: KeyProblem[]): KeyObject | undefined {
  const variable = 'JWT_PRIVATE_KEY';
  let key: KeyObject;
  try {
    key = createPrivateKey(source.pem);
  } catch (error) {
    problems.push({ variable, message: `not a PEM private key (${(error as Error).message})${from(source)}` });
    return undefined;
  }
  return ed25519(key, variable, source, problems);
}

function readPublic(source: KeySource, problems: KeyProblem[]): KeyObject | undefined {
  const variable = 'JWT_PUBLIC_KEY';
  // createPublicKey would take a private key too and derive its public half; a private key has no business in the
  // variable (or process) meant for the public one.
  if (isPrivate(source.pem)) {
    problems.push({ variable, message: `a private key; give the public key (-----BEGIN PUBLIC KEY-----)${from(source)}` });
    return undefined;
  }
  let key: KeyObject;
  try {
    key = createPublicKey(source.pem);
  } catch (error) {
    problems.push({ variable, message: `not a PEM public key (${(error as Error).message})${from(source)}` });
    return undefined;
  }
  return ed25519(key, variable, source, problems);
}

function ed25519(key: KeyObject, variable: string, source: KeySource, problems: KeyProblem[]): KeyObject | undefined {
  if (key.asymmetricKeyType === 'ed25519') return key;
  problems.push({ variable, message: `an ${key.asymmetricKeyType ?? 'unknown'} key; ${ED25519}${from(source)}` });
  return undefined;
}

function isPrivate(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

const spki = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' });

const from = (source: KeySource | undefined): string => (source?.file ? ` (from ${source.file})` : '');
