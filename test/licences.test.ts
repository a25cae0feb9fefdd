import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * scripts/licences.mjs run as CI runs it, with the real allowed list (scripts/licences.json), over a small fake
 * lockfile: one workspace `app` (as npm writes a workspace: a link under node_modules to a folder entry) and whatever
 * packages a case gives it.
 */
const script = resolve(import.meta.dirname, '..', 'scripts', 'licences.mjs');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

interface FakePackage {
  license?: string;
  /** Default 1.0.0. */
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  /** Written to node_modules/<name>/package.json, as an install would leave it. */
  installed?: Record<string, unknown>;
}

function check(appDependencies: string[], packages: Record<string, FakePackage>, policy?: object): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'pf-licences-'));
  folders.push(root);
  const entries: Record<string, unknown> = {
    '': { name: 'fake', workspaces: ['app'], devDependencies: { vitest: '*' } },
    app: { name: '@fake/app', version: '1.0.0', dependencies: Object.fromEntries(appDependencies.map((name) => [name, '*'])) },
    'node_modules/@fake/app': { resolved: 'app', link: true },
  };
  for (const [name, { installed, ...entry }] of Object.entries(packages)) {
    entries[`node_modules/${name}`] = { version: '1.0.0', ...entry };
    if (installed) {
      const file = join(root, 'node_modules', name, 'package.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ name, version: '1.0.0', ...installed }));
    }
  }
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ name: 'fake', lockfileVersion: 3, packages: entries }));
  const policyArguments: string[] = [];
  if (policy) {
    writeFileSync(join(root, 'policy.json'), JSON.stringify(policy));
    policyArguments.push('--policy', join(root, 'policy.json'));
  }
  const run = spawnSync(process.execPath, [script, '--root', root, ...policyArguments], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('licence check', () => {
  it('passes a production tree whose licences are all allowed', () => {
    const run = check(['left-pad'], { 'left-pad': { license: 'MIT', dependencies: { 'is-even': '*' } }, 'is-even': { license: 'ISC' } });
    expect(run.output).toContain('all 2 production packages have an allowed licence');
    expect(run.status).toBe(0);
  });

  it('fails an Elastic-2.0 production dependency, naming it, its licence and the path that pulls it in', () => {
    const run = check(['server'], {
      server: { license: 'MIT', dependencies: { engine: '*' } },
      engine: { license: 'Elastic-2.0' },
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain('engine@1.0.0: Elastic-2.0: not an allowed licence');
    expect(run.output).toContain('@fake/app > server > engine');
    expect(run.output).not.toContain('server@1.0.0');
  });

  it('ignores a package only devDependencies reach (dev: true in the lock)', () => {
    const run = check(['left-pad'], { 'left-pad': { license: 'MIT' }, vitest: { license: 'Elastic-2.0', dev: true } });
    expect(run.output).toContain('all 1 production packages have an allowed licence');
    expect(run.status).toBe(0);
  });

  it('passes an OR expression with one allowed alternative, and fails an AND with one disallowed part', () => {
    expect(check(['dual'], { dual: { license: '(Elastic-2.0 OR MIT)' } }).status).toBe(0);
    const and = check(['both'], { both: { license: '(MIT AND Elastic-2.0)' } });
    expect(and.status).toBe(1);
    expect(and.output).toContain('both@1.0.0: (MIT AND Elastic-2.0): not an allowed licence');
  });

  it('reads the installed package.json where the lock names no licence, and fails a package with none anywhere', () => {
    expect(check(['old'], { old: { installed: { licenses: [{ type: 'BSD-3-Clause' }] } } }).status).toBe(0);
    const none = check(['bare'], { bare: { installed: {} } });
    expect(none.status).toBe(1);
    expect(none.output).toContain('bare@1.0.0: (none): no licence declared');
  });

  it('reports a licence that is not an SPDX expression instead of guessing', () => {
    const run = check(['odd'], { odd: { license: 'SEE LICENSE IN LICENSE.txt' } });
    expect(run.status).toBe(1);
    expect(run.output).toContain('odd@1.0.0: SEE LICENSE IN LICENSE.txt: not an SPDX expression');
  });

  it('accepts an exception only for its exact version and only by the paths it names', () => {
    const policy = {
      allowed: { MIT: 'permissive' },
      exceptions: { 'engine@1.0.0': { via: ['@fake/app > server > engine'], why: 'reviewed' } },
    };
    const tree = { server: { license: 'MIT', dependencies: { engine: '*' } }, engine: { license: 'Elastic-2.0' } };
    const accepted = check(['server'], tree, policy);
    expect(accepted.output).toContain('Licence exception: engine@1.0.0 (Elastic-2.0), only via @fake/app > server > engine: reviewed');
    expect(accepted.status).toBe(0);
    // The same package depended on directly as well: another path, so it fails.
    const direct = check(['server', 'engine'], tree, policy);
    expect(direct.status).toBe(1);
    expect(direct.output).toContain('engine@1.0.0: Elastic-2.0: not an allowed licence');
    // Another version of it: checked afresh.
    const newer = check(['server'], { ...tree, engine: { license: 'Elastic-2.0', version: '2.0.0' } }, policy);
    expect(newer.status).toBe(1);
  });
});
