import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON line per event, tagged with the service name; request loggers are children carrying the request id. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
