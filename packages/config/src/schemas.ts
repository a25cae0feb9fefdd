import { z } from 'zod';
import { ConfigError } from './load.js';

/** The ports of the whole system on one machine, as the README lists them. */
export const SUBGRAPH_PORTS = {
  administration: 4001,
  accounts: 4002,
  'money-orders': 4003,
  'cod-settlement': 4004,
} as const;

const port = (fallback: number) =>
  z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65_535).default(fallback);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// or postgresql:// URL')
  .optional();

const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/.+/, 'expected a redis:// or rediss:// URL')
  .optional();

const pem = (kind: string) =>
  z
    .string()
    // Environments often carry PEMs on one line with literal \n.
    .transform((value) => value.replace(/\\n/g, '\n'))
    .refine((value) => value.includes(`-----BEGIN ${kind}-----`), `expected a PEM ${kind.toLowerCase()}`)
    .optional();

export const commonEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded database and generated secrets live when no server is configured. */
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** Isolates the Bull queues of one deployment (or one test run) from another's on a shared Redis. */
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]{1,40}$/, 'expected 1-40 of a-z 0-9 : _ -').default('postal'),
  /** HMAC key shared by the gateway and the subgraphs for the signed identity header. */
  IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Per-subgraph databases override DATABASE_URL, so a subgraph can move to a server of its own. */
  ADMINISTRATION_DATABASE_URL: postgresUrl,
  ACCOUNTS_DATABASE_URL: postgresUrl,
  MONEY_ORDERS_DATABASE_URL: postgresUrl,
  COD_SETTLEMENT_DATABASE_URL: postgresUrl,
  /** The operator's time zone: business dates (tariff in force, day close) are dates there. */
  OPERATOR_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA time zone such as Asia/Kolkata')
    .default('Asia/Kolkata'),
  /** Apply pending migrations when a subgraph starts on its own (npm start always does). */
  MIGRATE_ON_START: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

/**
 * The embedded database and the in-process queue are for trying the system out: in production both servers must be
 * named, or start-up stops saying which is missing.
 */
export function assertProductionServers(config: Pick<z.infer<typeof commonEnv>, 'NODE_ENV' | 'DATABASE_URL' | 'REDIS_URL'>, databaseUrl = config.DATABASE_URL): void {
  if (config.NODE_ENV !== 'production') return;
  const problems = [
    ...(databaseUrl ? [] : [{ variable: 'DATABASE_URL', message: 'required when NODE_ENV=production (the embedded database is for trying the system out)' }]),
    ...(config.REDIS_URL ? [] : [{ variable: 'REDIS_URL', message: 'required when NODE_ENV=production (the in-process queue is for trying the system out)' }]),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The database a subgraph uses: its own override, else the shared DATABASE_URL, else (undefined) embedded PGlite. */
export function databaseUrlFor(name: keyof typeof SUBGRAPH_PORTS, config: z.infer<typeof commonEnv>): string | undefined {
  const overrides = {
    administration: config.ADMINISTRATION_DATABASE_URL,
    accounts: config.ACCOUNTS_DATABASE_URL,
    'money-orders': config.MONEY_ORDERS_DATABASE_URL,
    'cod-settlement': config.COD_SETTLEMENT_DATABASE_URL,
  } as const;
  return overrides[name] ?? config.DATABASE_URL;
}

export const subgraphEnv = (name: keyof typeof SUBGRAPH_PORTS) =>
  commonEnv.extend({
    PORT: port(SUBGRAPH_PORTS[name]),
  });

const url = z.string().url('expected an http(s) URL');

/**
 * How people are told things (temporary passwords now, one-time codes later): @postal/notify. `local` appends to
 * <DATA_DIR>/notifications/outbox.jsonl (the embedded default, refused in production); `sms` and `email` POST JSON to
 * a provider relay with a bearer token; `memory` is for tests.
 */
export const notifierEnv = z.object({
  NOTIFIER: z.enum(['local', 'sms', 'email', 'memory']).default('local'),
  NOTIFIER_SMS_URL: url.optional(),
  NOTIFIER_SMS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NOTIFIER_EMAIL_URL: url.optional(),
  NOTIFIER_EMAIL_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type NotifierConfig = z.infer<typeof notifierEnv> & Pick<z.infer<typeof commonEnv>, 'NODE_ENV' | 'DATA_DIR'>;

/** What @postal/notify's createNotifier takes. */
export type NotifierSettings =
  | { kind: 'local'; dataDir: string }
  | { kind: 'sms'; url: string; token: string }
  | { kind: 'email'; url: string; token: string }
  | { kind: 'memory' };

/**
 * The notifier the configuration names, or a ConfigError naming each variable at fault. Production refuses `local`
 * (a file of temporary passwords on the server) and `memory`, and a provider URL that is not https (the token and the
 * passwords would travel in clear).
 */
export function notifierSettings(config: NotifierConfig): NotifierSettings {
  const production = config.NODE_ENV === 'production';
  const problems: Array<{ variable: string; message: string }> = [];
  if (production && (config.NOTIFIER === 'local' || config.NOTIFIER === 'memory')) {
    problems.push({
      variable: 'NOTIFIER',
      message: `${config.NOTIFIER} is refused when NODE_ENV=production (it keeps temporary passwords on this machine): use sms or email`,
    });
  }
  const provider = (prefix: 'SMS' | 'EMAIL') => {
    const urlValue = config[`NOTIFIER_${prefix}_URL`];
    const token = config[`NOTIFIER_${prefix}_TOKEN`];
    if (!urlValue) problems.push({ variable: `NOTIFIER_${prefix}_URL`, message: `required when NOTIFIER=${prefix.toLowerCase()}` });
    else if (production && !urlValue.startsWith('https://')) problems.push({ variable: `NOTIFIER_${prefix}_URL`, message: 'must be https:// when NODE_ENV=production' });
    if (!token) problems.push({ variable: `NOTIFIER_${prefix}_TOKEN`, message: `required when NOTIFIER=${prefix.toLowerCase()}` });
    return { url: urlValue ?? '', token: token ?? '' };
  };
  let settings: NotifierSettings;
  switch (config.NOTIFIER) {
    case 'local':
      settings = { kind: 'local', dataDir: config.DATA_DIR };
      break;
    case 'memory':
      settings = { kind: 'memory' };
      break;
    case 'sms':
      settings = { kind: 'sms', ...provider('SMS') };
      break;
    case 'email':
      settings = { kind: 'email', ...provider('EMAIL') };
      break;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}

export const administrationEnv = subgraphEnv('administration').extend({
  ...notifierEnv.shape,
  JWT_PRIVATE_KEY: pem('PRIVATE KEY'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1_440).default(15),
  /** The accounts subgraph, asked (as a signed service) whether an office has balances before it is closed. */
  ACCOUNTS_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.accounts}/graphql`),
});

/** The first business date the ledger takes entries for (YYYY-MM-DD, e.g. the day of migration from the old books). */
const ledgerStartDate = z.iso.date('expected a date, YYYY-MM-DD').optional();

export const accountsEnv = subgraphEnv('accounts').extend({
  /** The administration subgraph, where a person's manual journal is submitted (as a signed service) for approval. */
  ADMINISTRATION_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`),
  /** Unset: no ledger-wide start; entries are still refused before their office opened. */
  LEDGER_START_DATE: ledgerStartDate,
});

/** How often money-orders' expiry job runs: hourly (an order expires the day after its last day; an hour late is fine). */
const moExpiryIntervalMs = z.coerce.number().int().min(500).max(86_400_000).default(3_600_000);

export const moneyOrdersEnv = subgraphEnv('money-orders').extend({
  ...notifierEnv.shape,
  MO_EXPIRY_INTERVAL_MS: moExpiryIntervalMs,
  /** The accounts subgraph: cash reserved at payout and refund, and the MO payable control balance. */
  ACCOUNTS_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.accounts}/graphql`),
  /** The administration subgraph's approvals inbox: refunds above the limit and tariff changes. */
  ADMINISTRATION_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`),
});

/** How often the COD settlement job builds the due batches; default hourly (each biller's cycle decides what is due). */
const codSettlementIntervalMs = z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000);

export const codSettlementEnv = subgraphEnv('cod-settlement').extend({
  ...notifierEnv.shape,
  COD_SETTLEMENT_INTERVAL_MS: codSettlementIntervalMs,
  /** The accounts subgraph: each biller's COD payable, for the reconciliation. */
  ACCOUNTS_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.accounts}/graphql`),
  /** The administration subgraph's approvals inbox: bank-detail changes and settlement releases. */
  ADMINISTRATION_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`),
});

export const gatewayEnv = commonEnv.extend({
  PORT: port(4000),
  JWT_PUBLIC_KEY: pem('PUBLIC KEY'),
  ADMINISTRATION_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`),
  ACCOUNTS_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS.accounts}/graphql`),
  MONEY_ORDERS_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS['money-orders']}/graphql`),
  COD_SETTLEMENT_URL: url.default(`http://127.0.0.1:${SUBGRAPH_PORTS['cod-settlement']}/graphql`),
  /** The composed supergraph; defaults to the committed schema/supergraph.graphql. */
  SUPERGRAPH_PATH: z.string().optional(),
  /** Unset: see gatewayLimits (stricter outside development). */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).optional(),
  MAX_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
  MAX_QUERY_COST: z.coerce.number().int().min(100).max(100_000).optional(),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
  /** The gateway's query planner: Rust (@graphql-hive/router-runtime; default, see the README for the measurement) or the runtime's JavaScript one. */
  QUERY_PLANNER: z.enum(['rust', 'javascript']).default('rust'),
  /** How often the gateway reads the feed of ended sessions from the administration subgraph. */
  SESSION_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  /** How long the gateway may go without reading that feed before it refuses staff requests (fail closed). */
  SESSION_MAX_STALENESS_MS: z.coerce.number().int().min(1_000).max(300_000).default(5_000),
});

/**
 * The gateway's request limits. Depth and cost default to 10 and 5,000 in test and production, well above any query
 * the product makes (the deepest, me > office > ledgerAccounts > balance, has depth 4). Introspection is held to the
 * same limits (the usual bypass for `__schema` is closed), and the standard introspection query has depth 15 and
 * cost about 15,500; so in development only, where Apollo Sandbox introspects, the defaults are 15 and 20,000.
 * Production serves no introspection at all.
 */
export function gatewayLimits(config: Pick<z.infer<typeof gatewayEnv>, 'NODE_ENV' | 'MAX_QUERY_DEPTH' | 'MAX_ALIASES' | 'MAX_QUERY_COST' | 'MAX_QUERY_TOKENS'>) {
  const development = config.NODE_ENV === 'development';
  return {
    maxDepth: config.MAX_QUERY_DEPTH ?? (development ? 15 : 10),
    maxAliases: config.MAX_ALIASES,
    maxCost: config.MAX_QUERY_COST ?? (development ? 20_000 : 5_000),
    maxTokens: config.MAX_QUERY_TOKENS,
  };
}

/** `npm start`: the gateway and all four subgraphs in one process, with the administration's login settings. */
export const stackEnv = gatewayEnv.extend({
  JWT_PRIVATE_KEY: administrationEnv.shape.JWT_PRIVATE_KEY,
  JWT_TTL_SECONDS: administrationEnv.shape.JWT_TTL_SECONDS,
  LOGIN_MAX_FAILURES: administrationEnv.shape.LOGIN_MAX_FAILURES,
  LOGIN_LOCK_MINUTES: administrationEnv.shape.LOGIN_LOCK_MINUTES,
  ...notifierEnv.shape,
  ADMINISTRATION_PORT: port(SUBGRAPH_PORTS.administration),
  ACCOUNTS_PORT: port(SUBGRAPH_PORTS.accounts),
  MONEY_ORDERS_PORT: port(SUBGRAPH_PORTS['money-orders']),
  COD_SETTLEMENT_PORT: port(SUBGRAPH_PORTS['cod-settlement']),
  LEDGER_START_DATE: ledgerStartDate,
  MO_EXPIRY_INTERVAL_MS: moExpiryIntervalMs,
  /** Seed the demo offices and users (never in production). */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

export type StackConfig = z.infer<typeof stackEnv>;
export type CommonConfig = z.infer<typeof commonEnv>;
export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnv>>;
export type AdministrationConfig = z.infer<typeof administrationEnv>;
export type AccountsConfig = z.infer<typeof accountsEnv>;
export type GatewayConfig = z.infer<typeof gatewayEnv>;
