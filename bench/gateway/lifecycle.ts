import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDatabase } from './database.js';
import type { GroupProcess } from './processes.js';

/** What a benchmark run started, for the cleanup on any path out (normal end, failure, Ctrl-C). */
export interface BenchRun {
  readonly logDir: string;
  /** The child processes, in start order; stopped in reverse (the gateway before the subgraphs it polls). */
  readonly children: GroupProcess[];
  /** The run's database once made: dropped at the end. */
  database: BenchDatabase | undefined;
}

export interface RunBenchOptions {
  /** `bench:gateway`: how failures are introduced. */
  name: string;
  logPrefix: string;
  keepLogs: boolean;
  /** More to undo after the processes and the database (temporary files, Redis keys); each runs once. */
  cleanups?: Array<() => Promise<void>>;
}

/**
 * Runs a benchmark that starts child processes and a database of its own, and undoes them once, whoever asks first:
 * the end of the run, a failure, or SIGINT/SIGTERM (exit 130/143). A failure sets exit code 1 and keeps the children's
 * logs; a signal makes the run's own failure (its database dropped under it) no news.
 */
export async function runBench(options: RunBenchOptions, run: (bench: BenchRun) => Promise<void>): Promise<void> {
  const bench: BenchRun = { logDir: mkdtempSync(join(tmpdir(), options.logPrefix)), children: [], database: undefined };
  process.on('exit', () => {
    for (const child of bench.children) child.killNow();
  });
  let interrupted = false;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const child of [...bench.children].reverse()) await child.stop().catch(() => undefined);
      await bench.database?.drop().catch((error: unknown) => console.error(`could not drop ${bench.database?.name}: ${(error as Error).message}`));
      for (const step of options.cleanups ?? []) await step().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
    })());
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping the gateway and subgraph processes, dropping ${bench.database?.name ?? 'nothing'}`);
      void cleanUp().finally(() => {
        rmSync(bench.logDir, { recursive: true, force: true });
        process.exit(code);
      });
    });
  }
  let failed = false;
  try {
    await run(bench);
  } catch (error) {
    failed = true;
    process.exitCode = 1;
    if (!interrupted) {
      console.error(`\n${options.name} failed: ${(error as Error).stack ?? String(error)}`);
      console.error(`the children's logs are kept in ${bench.logDir}`);
    }
  } finally {
    await cleanUp();
    if (options.keepLogs) console.error(`the children's logs are in ${bench.logDir}`);
    else if (!failed) rmSync(bench.logDir, { recursive: true, force: true });
  }
}
