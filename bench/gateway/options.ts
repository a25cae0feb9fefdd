import { parseArgs } from 'node:util';

/**
 * bench:gateway's knobs, from flags (`--duration=5`). The defaults keep a whole run under about three minutes on
 * this 2-core machine: 8 loaded targets (3 through the gateway, 5 straight to a subgraph), each warmed up once and then
 * measured in `rounds` slots of `duration` seconds.
 */
export interface GatewayBenchOptions {
  /** Seconds of each measured slot. */
  duration: number;
  /** Rounds; in each, every query is loaded through the gateway and straight to its subgraphs, in turn. */
  rounds: number;
  /** Seconds of warm-up per target before the first round (not counted); 0 for none. */
  warmup: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** LOG_LEVEL of the gateway and subgraph processes. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Keep the children's logs (they are kept anyway when the run fails). */
  keepLogs: boolean;
  /** The gateway's query planner (QUERY_PLANNER): the runtime's JavaScript one or the Rust one. */
  planner: 'javascript' | 'rust';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function parseOptions(argv: string[]): GatewayBenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '16' },
      'log-level': { type: 'string', default: 'warn' },
      'keep-logs': { type: 'boolean', default: false },
      planner: { type: 'string', default: 'rust' },
    },
  });
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
    duration: positive('duration', values.duration, false),
    rounds: positive('rounds', values.rounds, true),
    warmup: positive('warmup', values.warmup, false, true),
    connections: positive('connections', values.connections, true),
    logLevel: logLevel as GatewayBenchOptions['logLevel'],
    keepLogs: values['keep-logs'],
  };
}
