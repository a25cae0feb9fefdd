import type { Logger } from 'pino';

/**
 * Keeps a started process alive until SIGINT or SIGTERM, then stops it once; a second signal forces the exit. Stop
 * is bounded so a stuck connection cannot keep a deploy waiting forever.
 */
export function runUntilSignal(stop: () => Promise<void>, logger: Logger, stopTimeoutMs = 10_000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      logger.error('stop timed out');
      process.exit(1);
    }, stopTimeoutMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
