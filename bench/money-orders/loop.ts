import { Agent, request } from 'node:http';
import type { Tally } from '../gateway/load.js';

/**
 * The load generator of bench:money-orders. A mutation is not an idempotent request that can be sent again as it was
 * (each booking needs its own idempotency key, each payout its own order and code), so instead of autocannon's fixed
 * bodies: `connections` workers over keep-alive connections, each asking `next()` for its next request when its last is
 * answered (so the rate is what the server does, not one we set), until `seconds` have passed or `next()` has no more.
 */
export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
  /** Called with the answer's `data` and the epoch ms it arrived at, for an answer that was 200 without errors. */
  onAnswer?(data: unknown, answeredAtMs: number): void;
}

export interface LoadTarget {
  url: string;
  /** The next request, made afresh (its own key, body and signature); undefined when there is nothing left to send. */
  next(): LoadRequest | undefined;
}

/** Longer than this and a request counts as a connection error rather than an answer. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Resolves true when `next()` ran out before the time was up (the slot was shorter than asked). */
export async function runLoad(target: LoadTarget, connections: number, seconds: number, into: Tally): Promise<boolean> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  let ranOut = false;
  const worker = async () => {
    while (performance.now() < deadline) {
      const next = target.next();
      if (!next) {
        ranOut = true;
        return;
      }
      const sentAt = performance.now();
      let answer: { status: number; text: string };
      try {
        answer = await post(agent, url, next);
      } catch {
        into.errors += 1;
        continue;
      }
      into.latencies.push(performance.now() - sentAt);
      const data = okData(answer);
      if (data === undefined) {
        into.bad += 1;
        into.firstBad ??= `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
        continue;
      }
      into.ok += 1;
      next.onAnswer?.(data, Date.now());
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  // The slot's real length: shorter than asked when next() ran out, a little longer by the last answers.
  into.seconds += (performance.now() - started) / 1_000;
  return ranOut;
}

/** The `data` of a 200 answer without `errors`; undefined for anything else (a GraphQL refusal is a 200 too). */
function okData(answer: { status: number; text: string }): unknown {
  if (answer.status !== 200) return undefined;
  try {
    const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: unknown[] };
    return parsed.errors === undefined && parsed.data != null ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function post(agent: Agent, url: URL, next: LoadRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(next.body, 'utf8');
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...next.headers },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
