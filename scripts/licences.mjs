#!/usr/bin/env node
// Licence check (`npm run licences:check`): every package that a production install brings in must carry a licence
// from scripts/licences.json. Fails listing each offender, its licence and the workspace path that pulls it in.
//
// What counts as production is npm's own answer, written into package-lock.json (lockfile v3): a package only
// devDependencies reach (of the root or of any workspace) is marked `dev: true` and is skipped. Everything else is
// checked, including `optional` (platform binaries, installed where they fit), `devOptional` (reached by an optional
// production path too, so `npm ci --omit=dev` installs it) and `peer` packages. Our own workspaces (the targets of
// the lock's `link: true` entries, outside node_modules) are ours, not dependencies, and are skipped.
//
// Licence expressions are evaluated by spdx-satisfies (MIT, on spdx-expression-parse, both jslicense's and used
// across the npm tooling): `(MIT OR Apache-2.0)` passes if one alternative is allowed, `AND` needs every part, `+`
// ranges and `WITH` exceptions are understood, and anything that is not valid SPDX is reported as such rather than
// guessed at.
//
// Options: --root <dir> (where package-lock.json and node_modules are; default the repository), --policy <file>
// (default scripts/licences.json).
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import satisfies from 'spdx-satisfies';

const here = dirname(fileURLToPath(import.meta.url));

/** The allowed licences and corrections, from the one file the README points to. */
export function readPolicy(file = join(here, 'licences.json')) {
  const policy = JSON.parse(readFileSync(file, 'utf8'));
  const allowed = Object.keys(policy.allowed ?? {});
  // An allowed id that is not SPDX would silently allow nothing; say so instead.
  for (const id of allowed) {
    try {
      satisfies(id, [id]);
    } catch (error) {
      throw new Error(`${file}: "${id}" is not an SPDX licence id (${error.message})`);
    }
  }
  return { allowed, corrections: policy.corrections ?? {}, exceptions: policy.exceptions ?? {} };
}

/**
 * Checks a parsed lockfile against a policy. `readInstalled(key)` returns the installed package.json at a lock key
 * (e.g. `node_modules/foo`), or undefined; it is asked only where the lock names no licence.
 * Returns every production package checked and those that fail, each with the paths that pull it in.
 */
export function checkLicences(lock, policy, readInstalled = () => undefined) {
  if (lock.lockfileVersion < 2 || !lock.packages) {
    throw new Error(`lockfileVersion ${lock.lockfileVersion} has no "packages" map; npm 7 or later writes one`);
  }
  const packages = lock.packages;
  const workspaces = workspaceKeys(packages);
  const paths = productionPaths(packages, workspaces);
  const checked = [];
  const offenders = [];
  const excepted = [];
  for (const [key, entry] of Object.entries(packages)) {
    if (key === '' || entry.link || workspaces.has(key) || entry.dev) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const id = `${name}@${entry.version}`;
    const correction = policy.corrections[id];
    const declared = declaredLicence(entry) ?? declaredLicence(readInstalled(key) ?? {});
    const license = correction?.license ?? declared;
    const verdict = judge(license, policy.allowed);
    const result = { key, name, version: entry.version, license: declared, paths: paths.get(key) ?? [] };
    checked.push(result);
    if (!verdict) continue;
    // An exception names one exact version and the paths it may come by; the same package by any other path (a new
    // direct dependency on it, another library pulling it in) fails like any other.
    const exception = policy.exceptions?.[id];
    const only = new Set(exception?.via ?? []);
    if (exception && result.paths.length > 0 && result.paths.every((path) => only.has(path))) excepted.push({ ...result, why: exception.why });
    else offenders.push({ ...result, reason: verdict });
  }
  return { checked, offenders, excepted };
}

/** Undefined when allowed, else why not. */
function judge(license, allowed) {
  if (!license) return 'no licence declared';
  try {
    return satisfies(license, allowed) ? undefined : 'not an allowed licence';
  } catch {
    return 'not an SPDX expression (add a correction in scripts/licences.json if the licence is in fact allowed)';
  }
}

/** A lock entry's or package.json's licence as one SPDX expression: `license` (a string, or the old {type}), or the
 * old `licenses` array, whose entries were alternatives. */
function declaredLicence(pkg) {
  const one = (value) => (typeof value === 'string' ? value : value?.type);
  if (pkg.license) return one(pkg.license);
  if (Array.isArray(pkg.licenses) && pkg.licenses.length > 0) {
    const types = pkg.licenses.map(one).filter(Boolean);
    return types.length > 1 ? `(${types.join(' OR ')})` : types[0];
  }
  return undefined;
}

/** The lock keys of our own packages: where a link points, outside node_modules (workspaces, `file:` folders). */
function workspaceKeys(packages) {
  const keys = new Set();
  for (const entry of Object.values(packages)) {
    if (entry.link && typeof entry.resolved === 'string' && !entry.resolved.split('/').includes('node_modules')) {
      keys.add(entry.resolved);
    }
  }
  return keys;
}

/**
 * For each lock key, the shortest chain of production dependencies from each of our packages that reaches it, e.g.
 * `@postal/gateway > @apollo/gateway > @apollo/composition`. A walk stops at another of our packages, which has its
 * own walk, so each chain starts at the workspace that really brings the package in.
 */
function productionPaths(packages, workspaces) {
  const found = new Map();
  for (const start of ['', ...workspaces]) {
    const label = packages[start]?.name ?? (start || 'the root');
    const previous = new Map([[start, undefined]]);
    const queue = [start];
    while (queue.length > 0) {
      const key = queue.shift();
      const entry = packages[key] ?? {};
      const names = {
        ...entry.peerDependencies,
        ...entry.optionalDependencies,
        ...entry.dependencies,
      };
      for (const name of Object.keys(names)) {
        let target = resolve(packages, key, name);
        if (target === undefined) continue; // an optional or peer dependency that is not installed
        if (packages[target].link) target = packages[target].resolved;
        if (previous.has(target) || workspaces.has(target)) continue;
        previous.set(target, key);
        queue.push(target);
        const chain = [];
        for (let at = target; at !== start; at = previous.get(at)) chain.unshift(packages[at].name ?? nameAt(at));
        const list = found.get(target) ?? [];
        list.push([label, ...chain].join(' > '));
        found.set(target, list);
      }
    }
  }
  return found;
}

/** Node's lookup, over lock keys: <dir>/node_modules/<name> from the requiring folder up to the root. */
function resolve(packages, from, name) {
  for (let dir = from; ; dir = posix.dirname(dir)) {
    const key = dir === '' || dir === '.' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (packages[key]) return key;
    if (dir === '' || dir === '.') return undefined;
  }
}

function nameAt(key) {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function main(argv) {
  const option = (flag, fallback) => {
    const at = argv.indexOf(flag);
    return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
  };
  const root = option('--root', join(here, '..'));
  const policyFile = option('--policy', join(here, 'licences.json'));
  const policy = readPolicy(policyFile);
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const readInstalled = (key) => {
    try {
      return JSON.parse(readFileSync(join(root, key, 'package.json'), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const { checked, offenders, excepted } = checkLicences(lock, policy, readInstalled);
  for (const exception of excepted) {
    console.log(`Licence exception: ${exception.name}@${exception.version} (${exception.license}), only via ${exception.paths.join('; ')}: ${exception.why}`);
  }
  if (offenders.length === 0) {
    const rest = excepted.length > 0 ? `, but for the ${excepted.length} exception(s) above,` : '';
    console.log(`Licence check: all ${checked.length} production packages${rest} have an allowed licence (scripts/licences.json).`);
    return 0;
  }
  console.error(
    `Licence check: ${offenders.length} of ${checked.length} production packages are not under a licence allowed by scripts/licences.json:`,
  );
  for (const offender of offenders) {
    console.error(`  ${offender.name}@${offender.version}: ${offender.license ?? '(none)'}: ${offender.reason}`);
    for (const path of offender.paths.length > 0 ? offender.paths : ['(no production path found in the lockfile)']) {
      console.error(`      ${path}`);
    }
  }
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
