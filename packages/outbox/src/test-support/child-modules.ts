import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepoRoot } from '@postal/db';
import ts from 'typescript';

/**
 * The crash tests need this package's real code in a child process that can be SIGKILLed. Node 20 cannot run
 * TypeScript, and building dist/ from a test would race other builds, so the sources of @postal/db, @postal/events and
 * @postal/outbox are transpiled here, file by file, with the TypeScript compiler (transpileModule: the same output tsc
 * emits, without the type check that `tsc --noEmit` does separately) into a throwaway node_modules folder under the
 * repository's node_modules/.cache. Third-party imports (bull, pg, drizzle-orm, zod) resolve from the repository's
 * node_modules as they do for dist/. The child imports the modules by the URLs this returns.
 */
export interface ChildModules {
  /** file: URLs of the transpiled packages' entry points, for the child's dynamic import(). */
  readonly urls: { db: string; events: string; outbox: string };
  /** Environment for the child: POSTAL_DB_MODULE, POSTAL_EVENTS_MODULE, POSTAL_OUTBOX_MODULE. */
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

const PACKAGES = ['db', 'events', 'outbox'] as const;

export async function transpileForChild(): Promise<ChildModules> {
  const root = findRepoRoot();
  const base = join(root, 'node_modules', '.cache', 'postal-outbox-tests', `${process.pid}-${randomBytes(4).toString('hex')}`);
  const urls = {} as Record<(typeof PACKAGES)[number], string>;
  for (const name of PACKAGES) {
    const target = join(base, 'node_modules', '@postal', name);
    await transpileFolder(join(root, 'packages', name, 'src'), target);
    await writeFile(join(target, 'package.json'), JSON.stringify({ name: `@postal/${name}`, type: 'module', exports: './index.js' }));
    urls[name] = pathToFileURL(join(target, 'index.js')).href;
  }
  return {
    urls,
    env: { POSTAL_DB_MODULE: urls.db, POSTAL_EVENTS_MODULE: urls.events, POSTAL_OUTBOX_MODULE: urls.outbox },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

async function transpileFolder(source: string, target: string): Promise<void> {
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    const path = relative(source, file);
    if (!entry.isFile() || !path.endsWith('.ts') || path.endsWith('.test.ts') || path.split('/').includes('test-support')) continue;
    const output = ts.transpileModule(await readFile(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const out = join(target, path.replace(/\.ts$/, '.js'));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, output.outputText);
  }
}
