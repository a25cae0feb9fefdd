import { parseArgs } from 'node:util';

/**
 * bench:money-orders' knobs, from flags (`--duration=5`). The defaults keep a run to about three minutes on this 2-core
 * machine: two operations (bookings, payouts), each loaded through the gateway and straight to money-orders in
 * `rounds` alternating slots of `duration` seconds, after a warm-up; plus the preparation of the payouts (orders booked
 * and posted by the ledger, the paying office's cash) and the wait for the ledger to catch up.
 */
export interface MoneyOrdersBenchOptions {
  /** Seconds of each measured slot. */
  duration: number;
  /** Rounds; in each, every operation is loaded through the gateway and straight to money-orders, in turn. */
  rounds: number;
  /** Seconds of warm-up per target before the first round (not counted; its bookings feed the payouts); 0 for none. */
  warmup: number;
  /** Concurrent requests of the load generator (each sends its next request when the last is answered). */
  connections: number;
  /** How long the ledger may take to post every booking of the run once the load stops, in seconds. */
  settleTimeout: number;
  /** LOG_LEVEL of the gateway and subgraph processes. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Keep the children's logs (they are kept anyway when the run fails). */
  keepLogs: boolean;
  /** The gateway's query planner (QUERY_PLANNER). */
  planner: 'javascript' | 'rust';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** --quick: a smoke run (one round of 2 s slots, 1 s warm-up) that says whether everything works, not how fast. */
const QUICK = { duration: '2', rounds: '1', warmup: '1' };

export function parseOptions(argv: string[]): MoneyOrdersBenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '16' },
      'settle-timeout': { type: 'string', default: '300' },
      'log-level': { type: 'string', default: 'warn' },
      'keep-logs': { type: 'boolean', default: false },
      planner: { type: 'string', default: 'rust' },
    },
  });
  const defaults = values.quick ? QUICK : { duration: '5', rounds: '3', warmup: '2' };
  const positive = (name: string, raw: string, integer: boolean, zeroAllowed = false) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed) || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not ${raw}`);
    }
    return value;
  };
  const logLevel = values['log-level'];
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`--log-level is one of ${LOG_LEVELS.join(', ')}, not ${logLevel}`);
  const planner = values.planner;
  if (planner !== 'javascript' && planner !== 'rust') throw new Error(`--planner is javascript or rust, not ${planner}`);
  return {
    planner,
    duration: positive('duration', values.duration ?? defaults.duration, false),
    rounds: positive('rounds', values.rounds ?? defaults.rounds, true),
    warmup: positive('warmup', values.warmup ?? defaults.warmup, false, true),
    connections: positive('connections', values.connections, true),
    settleTimeout: positive('settle-timeout', values['settle-timeout'], false),
    logLevel: logLevel as MoneyOrdersBenchOptions['logLevel'],
    keepLogs: values['keep-logs'],
  };
}
