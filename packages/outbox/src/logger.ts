import type { Logger } from 'pino';

/** The part of a pino logger this package uses; a child logger or `pino({ level: 'silent' })` fits. */
export type OutboxLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** An error's message for a log line or the outbox's last_error column, bounded so one failure cannot bloat a row. */
export function describeError(error: unknown, maxLength = 2_000): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A sleep that `wake()` or an AbortSignal can end early. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
