import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@postal/config';
import { startGateway, type StartedGateway } from '@postal/gateway';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { composeTinySupergraph, startTinySubgraph, type TinySubgraph } from './test-support/tiny-subgraph.js';

const IDENTITY_SECRET = 'e'.repeat(40);
const { publicKey } = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const silent = pino({ level: 'silent' });

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pf-gateway-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A supergraph whose one subgraph is called `administration`, composed with a URL nobody listens on. */
function supergraphFile(): string {
  const file = join(tempDir(), 'supergraph.graphql');
  writeFileSync(file, composeTinySupergraph('http://127.0.0.1:9/graphql', 'administration'));
  return file;
}

let running: Array<StartedGateway | TinySubgraph> = [];
afterEach(async () => {
  for (const server of running.reverse()) await server.stop();
  running = [];
});

describe('startGateway', () => {
  it('reads the environment: subgraph URL, port 0 and limits', async () => {
    const subgraph = await startTinySubgraph(IDENTITY_SECRET, 'administration');
    running.push(subgraph);
    const gateway = await startGateway(
      {
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: tempDir(),
        SUPERGRAPH_PATH: supergraphFile(),
        ADMINISTRATION_URL: subgraph.url,
        IDENTITY_SECRET,
        // One line with literal \n, as environments often carry PEMs.
        JWT_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n'),
        MAX_QUERY_DEPTH: '3',
      },
      { logger: silent },
    );
    running.push(gateway);
    expect(gateway.port).toBeGreaterThan(0);
    const post = async (query: string) =>
      fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const ok = await post('{ whoami }');
    expect(await ok.json()).toMatchObject({ data: { whoami: expect.stringContaining('"anonymous"') } });
    expect((await post('{ deep { child { child { name } } } }')).status).toBe(400);
    // One operation reached the subgraph; the rest of its traffic is the gateway reading the session feed.
    expect(subgraph.seen.filter((seen) => seen.identity.kind !== 'service')).toHaveLength(1);
    expect(subgraph.seen.filter((seen) => seen.identity.kind === 'service').map((seen) => seen.identity)).toContainEqual({ kind: 'service', service: 'gateway' });
  });

  it('names the variable at fault', async () => {
    const base = { NODE_ENV: 'test', PORT: '0', DATA_DIR: tempDir(), IDENTITY_SECRET, JWT_PUBLIC_KEY: publicKey };
    const failures = {
      MAX_QUERY_DEPTH: { ...base, SUPERGRAPH_PATH: supergraphFile(), MAX_QUERY_DEPTH: '0' },
      SUPERGRAPH_PATH: { ...base, SUPERGRAPH_PATH: join(tempDir(), 'missing.graphql') },
      JWT_PUBLIC_KEY: { ...base, SUPERGRAPH_PATH: supergraphFile(), NODE_ENV: 'production', JWT_PUBLIC_KEY: undefined },
    };
    for (const [variable, env] of Object.entries(failures)) {
      const error = await startGateway(env, { logger: silent }).then(
        (gateway) => {
          running.push(gateway);
          return undefined;
        },
        (caught: unknown) => caught,
      );
      expect(error, variable).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.variable), variable).toEqual([variable]);
    }
  });

  it('refuses an RSA or unreadable public key as a ConfigError naming JWT_PUBLIC_KEY, before starting', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const keys = {
      'an rsa key; access tokens are signed with Ed25519': rsa.publicKey,
      'not a PEM public key': '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n',
    };
    for (const [message, key] of Object.entries(keys)) {
      const env = { NODE_ENV: 'test', PORT: '0', DATA_DIR: tempDir(), IDENTITY_SECRET, SUPERGRAPH_PATH: supergraphFile(), JWT_PUBLIC_KEY: key };
      const error = await startGateway(env, { logger: silent }).then(
        (gateway) => {
          running.push(gateway);
          return undefined;
        },
        (caught: unknown) => caught,
      );
      expect(error, message).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems, message).toEqual([{ variable: 'JWT_PUBLIC_KEY', message: expect.stringContaining(message) }]);
    }
  });
});
