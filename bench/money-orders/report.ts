import { round, type Figures } from '../gateway/load.js';

/** The figures of one operation: through the gateway, straight to money-orders, and the ratio of their rates. */
export interface OperationFigures {
  title: string;
  gateway: Figures;
  direct: Figures;
  ratio: number;
  connectionErrors: number;
  ranShort?: true;
}

export interface Percentiles {
  count: number;
  minMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The smallest, p50, p99 and the largest of a list of ms (nearest rank, as bench:gateway's latencies). */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!);
  return { count: sorted.length, minMs: round(at(0), 1), p50Ms: round(at(0.5), 1), p99Ms: round(at(0.99), 1), maxMs: round(at(1), 1) };
}

export function printOperations(log: (line: string) => void, operations: readonly OperationFigures[]): void {
  const cpu = (f: Figures) =>
    Object.entries(f.cpuMsPerRequest)
      .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
      .join(', ');
  const cell = (f: Figures) =>
    `${f.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${f.p50Ms.toFixed(2).padStart(7)} ms  p99 ${f.p99Ms.toFixed(2).padStart(8)} ms  (${f.requests} answers)  CPU ms/req: ${cpu(f)}`;
  log('');
  for (const operation of operations) {
    log(operation.title);
    log(`  gateway  ${cell(operation.gateway)}`);
    log(`  direct   ${cell(operation.direct)}`);
    log(`  ratio gateway/direct ${operation.ratio.toFixed(3)}${operation.connectionErrors > 0 ? `  (${operation.connectionErrors} connection errors)` : ''}`);
    if (operation.ranShort) log('  (the prepared orders ran out before a slot\'s end: that slot was shorter, its rate is over the time it had)');
  }
}

export function printLag(log: (line: string) => void, toPublished: Percentiles, toEntry: Percentiles, toAvailable: Percentiles): void {
  const line = (p: Percentiles) => `min ${p.minMs.toFixed(1).padStart(8)} ms  p50 ${p.p50Ms.toFixed(1).padStart(8)} ms  p99 ${p.p99Ms.toFixed(1).padStart(8)} ms  max ${p.maxMs.toFixed(1).padStart(8)} ms  (${p.count} bookings)`;
  log('lag from a measured booking\'s answer to');
  log(`  its movement published (money-orders' outbox published_at)    ${line(toPublished)}`);
  log(`  its journal entry (accounts.journal_entries.posted_at)          ${line(toEntry)}`);
  log(`  the order AVAILABLE (money-orders' BOOKED movement answered_at) ${line(toAvailable)}`);
}
