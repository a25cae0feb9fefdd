import autocannon from 'autocannon';

/** One thing to load: POST `body` to `url`, with `headers`, and per request `perRequest()`'s headers on top. */
export interface Target {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Headers made afresh for each request (the direct requests' signatures); none for the gateway's. */
  perRequest?: () => Record<string, string>;
}

/** What a target did over all its measured slots. */
export interface Tally {
  /** Answers that were 200 and had no `errors`. */
  ok: number;
  /** Answers that were not: a run with any is broken, not slow. */
  bad: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  /** Milliseconds, one per answer (autocannon's own histogram has 1 ms steps, too coarse for a subgraph). */
  latencies: number[];
  firstBad: string | undefined;
  /** CPU time (ms) each child process used during the slots, by process name. */
  cpuMs: Record<string, number>;
}

export const emptyTally = (): Tally => ({ ok: 0, bad: 0, errors: 0, seconds: 0, latencies: [], firstBad: undefined, cpuMs: {} });

/**
 * Loads `target` for `seconds` with `connections` connections (each sends its next request when the last is
 * answered, so the rate is what the server can do, not a rate we set), adding what happened to `into`.
 */
export function runSlot(target: Target, connections: number, seconds: number, into: Tally): Promise<void> {
  return new Promise((resolve, reject) => {
    const { perRequest } = target;
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            body: target.body,
            headers: { 'content-type': 'application/json', ...target.headers },
            ...(perRequest ? { setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...perRequest() } }) } : {}),
            onResponse: (status, body) => {
              // A GraphQL error is answered with 200 too: only an answer without `errors` counts.
              if (status === 200 && !body.includes('"errors"')) into.ok += 1;
              else {
                into.bad += 1;
                into.firstBad ??= `HTTP ${status}: ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        into.errors += result.errors + result.timeouts;
        into.seconds += result.duration;
        resolve();
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      into.latencies.push(responseTime);
    });
  });
}

export interface Figures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /**
   * CPU ms per answer, by process (the slots' CPU time over their answers, so a process's idle work is in it too,
   * the more the fewer answers). It is the work rather than the share of the cores the work got, so it moves less
   * than the rate with what else the machine is doing; it still moves some (a process that is not kept busy pays
   * a wake-up per request where a busy one batches).
   */
  cpuMsPerRequest: Record<string, number>;
}

export function figures(tally: Tally): Figures {
  const sorted = Float64Array.from(tally.latencies).sort();
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return {
    requestsPerSecond: round(tally.ok / tally.seconds, 1),
    p50Ms: round(at(0.5), 2),
    p99Ms: round(at(0.99), 2),
    requests: tally.ok,
    cpuMsPerRequest: Object.fromEntries(Object.entries(tally.cpuMs).map(([name, ms]) => [name, round(ms / tally.ok, 3)])),
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
