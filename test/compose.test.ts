import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * `npm run compose:check` (CI's "the composed supergraph is current" step) over a copy of schema/, so a case can make
 * the committed supergraph stale or the subgraphs uncomposable without touching the real files.
 */
const repository = resolve(import.meta.dirname, '..');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function schemaCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pf-compose-'));
  folders.push(folder);
  cpSync(join(repository, 'schema'), folder, { recursive: true });
  return folder;
}

function composeCheck(schema: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(repository, 'scripts', 'compose.mjs'), '--check', '--schema', schema], {
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('compose --check', () => {
  it('passes the committed supergraph', () => {
    const run = composeCheck(schemaCopy());
    expect(run.output).toContain('supergraph.graphql is current');
    expect(run.status).toBe(0);
  });

  it('fails a supergraph that is not what the subgraphs compose to', () => {
    const schema = schemaCopy();
    appendFileSync(join(schema, 'accounts.graphql'), '\nextend type Query { newField: String }\n');
    const run = composeCheck(schema);
    expect(run.output).toContain('is stale: run `npm run compose`');
    expect(run.status).toBe(1);
  });

  it('fails, naming the error, when the subgraphs do not compose', () => {
    const schema = schemaCopy();
    // The same non-shareable root field in two subgraphs.
    for (const name of ['accounts', 'administration']) appendFileSync(join(schema, `${name}.graphql`), '\nextend type Query { clash: String }\n');
    const run = composeCheck(schema);
    expect(run.output).toContain('Composition failed');
    expect(run.output).toContain('INVALID_FIELD_SHARING');
    expect(run.output).toContain('Query.clash');
    expect(run.status).toBe(1);
  });

  it('fails when there is no supergraph at all', () => {
    const schema = schemaCopy();
    writeFileSync(join(schema, 'supergraph.graphql'), '');
    expect(composeCheck(schema).status).toBe(1);
  });
});
