import { ConfigError } from '@postal/config';
import { startGateway } from './start.js';

/** Bounded so a stuck connection cannot keep a deploy waiting forever. */
const STOP_TIMEOUT_MS = 15_000;

try {
  const gateway = await startGateway(process.env);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means "now".
    if (stopping) process.exit(1);
    stopping = true;
    gateway.logger.info({ signal }, 'stopping');
    setTimeout(() => {
      gateway.logger.error('stop timed out');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        gateway.logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
