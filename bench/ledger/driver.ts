/*
 * Runs a step (one transaction) on N concurrent workers for a while and counts what committed. Rates are entries
 * committed over the wall time from the start until the last worker's last transaction ended; latencies are per
 * transaction, from the client. Any error stops the run and fails the benchmark: a refused entry would mean the two
 * paths did not do the same work.
 */

export interface RunResult {
  entries: number;
  transactions: number;
  seconds: number;
  /** Per-transaction latencies in milliseconds. */
  latenciesMs: number[];
  /** This process's CPU time (user + system) during the run, ms: the client's share of the cost. */
  clientCpuMs: number;
}

export interface Rate {
  entriesPerSecond: number;
  entries: number;
  transactions: number;
  seconds: number;
  latencyMs: { median: number; p95: number };
  /** The benchmark process's CPU per entry (driver, pg client, and for the ledger its domain code). */
  clientCpuMsPerEntry: number;
}

/** One step: one transaction; answers how many entries it committed. */
export type Step = () => Promise<number>;

export async function runFor(workers: number, seconds: number, step: Step): Promise<RunResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + seconds * 1_000;
  const latenciesMs: number[] = [];
  let entries = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && performance.now() < deadline) {
      const begun = performance.now();
      try {
        // Not `entries += await step()`: that reads `entries` before the await and loses the other workers' counts.
        const committed = await step();
        entries += committed;
      } catch (error) {
        failed = true;
        throw error;
      }
      latenciesMs.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { entries, transactions: latenciesMs.length, seconds: (performance.now() - started) / 1_000, latenciesMs, clientCpuMs: (cpu.user + cpu.system) / 1_000 };
}

export function rateOf(runs: readonly RunResult[]): Rate {
  const entries = runs.reduce((sum, run) => sum + run.entries, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? 0;
  return {
    entriesPerSecond: round(entries / seconds, 1),
    entries,
    transactions: latencies.length,
    seconds: round(seconds, 2),
    latencyMs: { median: round(at(0.5), 2), p95: round(at(0.95), 2) },
    clientCpuMsPerEntry: round(runs.reduce((sum, run) => sum + run.clientCpuMs, 0) / Math.max(1, entries), 3),
  };
}

export const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

export interface Contender {
  label: string;
  workers: number;
  step: Step;
}

/**
 * Measures contenders in alternating rounds (A, B, B, A, A, B, ...) after a short warm-up of each, so a checkpoint, an
 * autovacuum or anything else the machine does falls on all of them alike. `reset` runs before every run, so each
 * starts from the same state rather than from the dead row versions the one before left.
 */
export async function compare(
  contenders: readonly Contender[],
  options: { rounds: number; seconds: number; reset: () => Promise<void> },
  log: (line: string) => void,
): Promise<Map<string, Rate>> {
  const { rounds, seconds, reset } = options;
  const warmUp = Math.min(1, seconds / 3);
  for (const contender of contenders) await runFor(contender.workers, warmUp, contender.step);
  const runs = new Map(contenders.map((contender) => [contender.label, [] as RunResult[]]));
  for (let r = 0; r < rounds; r += 1) {
    // A, B in one round, B, A in the next: neither always runs on the tables the other has just grown.
    for (const contender of r % 2 === 0 ? contenders : [...contenders].reverse()) {
      await reset();
      const run = await runFor(contender.workers, seconds, contender.step);
      runs.get(contender.label)!.push(run);
      log(`    round ${r + 1}/${rounds} ${contender.label.padEnd(14)} ${round(run.entries / run.seconds, 1).toFixed(1).padStart(10)} entries/s (${run.transactions} transactions)`);
    }
  }
  return new Map([...runs].map(([label, results]) => [label, rateOf(results)]));
}

/** Draws entry numbers 0, 1, 2, ... for one contender, and the fresh idempotency keys that go with them. */
export function sequence(prefix: string): { next(count: number): number[]; key(n: number): string } {
  let next = 0;
  const run = `${process.pid}-${Date.now().toString(36)}`;
  return {
    next(count) {
      const numbers = Array.from({ length: count }, (_, i) => next + i);
      next += count;
      return numbers;
    },
    key: (n) => `bench-${prefix}-${run}-${n}`,
  };
}
