/**
 * `npm run bench:money-orders`: what booking and paying money orders cost through the gateway, and how far the ledger
 * trails the counter (issue 11). Needs DATABASE_URL (a PostgreSQL server where it may create and drop a database) and
 * REDIS_URL (the queue, as in production). It creates `bench_money_orders_<pid>`, applies every subgraph's migrations,
 * seeds the demo offices and staff, and starts the two child processes bench:gateway starts (bench/gateway/start.ts),
 * each in a process group of its own, with the subgraph process on the real Redis queue (Bull, under a prefix of the
 * run's own, `bench-mo-<pid>`, whose keys are deleted at the end) so the ledger's consumer of money-order movements runs
 * as in production, and with the local outbox notifier in a temporary folder, where the bench reads the payees' codes.
 *
 * This process is the load generator (bench/money-orders/loop.ts: N concurrent requests over keep-alive connections,
 * each request made afresh, since a mutation's idempotency key, order and code cannot be sent twice). In alternating
 * slots over several rounds after a warm-up, so whatever else the machine does falls on both alike:
 * 1. bookings: bookMoneyOrder as the demo counter clerk (`clerk`, NDGPO), an eMO of Rs 1,000 in cash to be paid at
 *    NDGPO-CP, each with its own sender; through the gateway, and the same mutation straight to money-orders signed as
 *    the gateway signs it;
 * 2. payouts: once the ledger has posted every booking of step 1 (each order AVAILABLE) and NDGPO-CP has the cash
 *    (cash-in bookings of Rs 5,000 there, posted too), payMoneyOrder as `clerk.cp` at NDGPO-CP with the payee's OTP
 *    from the local outbox, one order per request; through the gateway and straight to money-orders. More orders are
 *    booked beforehand (not measured) when step 1's may not last.
 * The lag of every measured booking is read from the database once the ledger has caught up: from the booking's answer
 * to its journal entry's posted_at, and to the order AVAILABLE (bench/money-orders/ledger.ts says which columns and
 * why). It samples the gateway's resident memory (VmRSS) through the run and each child's CPU time around every slot.
 * It prints the figures, the targets (each ratio gateway/direct >= 0.5, gateway RSS < 200 MB as bench:gateway's) with
 * pass or fail, and as its last line one JSON object. It exits 0 whether the targets are met or not; non-zero only when
 * the run itself broke. Flags: --duration=5 (seconds per slot), --rounds=3, --warmup=2 (seconds per target),
 * --connections=16, --quick (1 round of 2 s slots, 1 s warm-up), --settle-timeout=300 (seconds the ledger may take to
 * catch up), --log-level=warn, --keep-logs, --planner=rust.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createBenchDatabase } from './gateway/database.js';
import { runBench, type BenchRun } from './gateway/lifecycle.js';
import { emptyTally, figures, round, type Tally } from './gateway/load.js';
import { cpuMs, rssSampler, tail } from './gateway/processes.js';
import { graphql, seconds, signIn, startBenchProcesses, type BenchProcesses, type GraphQLRequestBody, type Session } from './gateway/start.js';
import { bookingLag, payeeCodes, waitForBookingsPosted, type AnsweredBooking } from './money-orders/ledger.js';
import { runLoad, type LoadRequest, type LoadTarget } from './money-orders/loop.js';
import {
  BOOK,
  bookingInput,
  CASH_IN_AMOUNT,
  CLERKS,
  OFFICES,
  ORDER_AMOUNT,
  PAY,
  payoutInput,
  type BookedData,
  type PaidData,
  type PayoutInput,
} from './money-orders/operations.js';
import { parseOptions, type MoneyOrdersBenchOptions } from './money-orders/options.js';
import { deleteRunKeys, runPrefix } from './money-orders/redis.js';
import { percentiles, printLag, printOperations, type OperationFigures } from './money-orders/report.js';
import { DEMO_PASSWORD } from '../subgraphs/administration/src/seed/demo.js';

const RATIO_TARGET = 0.5;
const MEMORY_TARGET_MB = 200;
/** As bench:gateway and the README's production command run the gateway (see bench/gateway.ts). */
const GATEWAY_NODE_FLAGS = ['--max-old-space-size=128'];
/**
 * Orders to prepare for the payouts, over what step 1's booking rate would pay in the payout slots. A payout does more
 * than a booking (a row lock, the ledger's cash reservation), and runs measured at about 0.6 of the booking rate; should
 * they run faster and the orders run short, each slot takes its share of what is left and the run says so.
 */
const SUPPLY_MARGIN = 1.1;

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl) || !redisUrl || !/^rediss?:\/\//.test(redisUrl)) {
  console.error('bench:money-orders needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('and REDIS_URL, the redis:// URL of the queue (its keys go under a prefix of the run\'s own and are deleted at the end),');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run bench:money-orders');
  process.exit(2);
}

let options: MoneyOrdersBenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench:money-orders: ${(error as Error).message}`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => console.log(line);
const loadAtStart = loadavg()[0]!;
const prefix = runPrefix();
log(
  `bench:money-orders: ${options.connections} connections, ${options.rounds} rounds of ${options.duration} s slots, ${options.warmup} s warm-up per target; ` +
    `${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)}; Redis prefix ${prefix}`,
);

const outboxDir = mkdtempSync(join(tmpdir(), 'pf-bench-mo-outbox-'));
await runBench(
  {
    name: 'bench:money-orders',
    logPrefix: 'pf-bench-mo-',
    keepLogs: options.keepLogs,
    cleanups: [
      // The payees' codes: secrets, even a bench's.
      async () => rmSync(outboxDir, { recursive: true, force: true }),
      async () => void (await deleteRunKeys(redisUrl!, prefix)),
    ],
  },
  run,
);

/** One operation's two ways: the targets and what each did over its measured slots. */
interface Plan {
  key: 'bookings' | 'payouts';
  title: string;
  gateway: LoadTarget;
  direct: LoadTarget;
  gatewayTally: Tally;
  directTally: Tally;
  /** A measured slot ended before its time because the prepared orders ran out (its rate still counts, over less time). */
  ranShort?: boolean;
}

async function run(context: BenchRun): Promise<void> {
  const { children, logDir } = context;
  let started = performance.now();
  const bench = (context.database = await createBenchDatabase(serverUrl!, { prefix: 'bench_money_orders', listOffices: false }));
  log(`database ${bench.name}: migrated and seeded in ${seconds(started)} s`);
  const database = bench.database;

  const processes = await startBenchProcesses({
    bench,
    root,
    logDir,
    logLevel: options.logLevel,
    planner: options.planner,
    gatewayNodeFlags: GATEWAY_NODE_FLAGS,
    subgraphEnv: { BENCH_EVENT_QUEUE: 'redis', BENCH_OUTBOX_DIR: outboxDir, QUEUE_PREFIX: prefix },
    children,
    log,
  });
  const { gateway, subgraphs } = processes;
  const rss = rssSampler(gateway.pid);
  log(`gateway process ${gateway.pid} up, RSS ${processes.rssAtStartMb.toFixed(1)} MB`);
  const booker = await signIn(processes, CLERKS.booking, DEMO_PASSWORD);
  const payer = await signIn(processes, CLERKS.paying, DEMO_PASSWORD);

  const assertAlive = () => {
    for (const child of children) if (child.exited) throw new Error(`${child.name} exited during the run (${JSON.stringify(child.exited)}); its log:\n${tail(child.logFile)}`);
  };
  /** One measured slot, with the CPU time each child process spent in it. */
  const measure = async (target: LoadTarget, into: Tally, slotSeconds: number) => {
    const pids = { gateway: gateway.pid, subgraphs: subgraphs.pid };
    const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
    const ranOut = await runLoad(target, options.connections, slotSeconds, into);
    for (const [name, pid] of Object.entries(pids)) {
      const [from, to] = [before[name], cpuMs(pid)];
      if (from !== undefined && to !== undefined) into.cpuMs[name] = (into.cpuMs[name] ?? 0) + (to - from);
    }
    assertAlive();
    return ranOut;
  };
  /**
   * Warm-up, then the rounds, gateway first in even rounds and direct first in odd ones. `beforeSlot` is told before
   * each slot whether it is measured and how many slots are left, this one included.
   */
  const load = async (plan: Plan, beforeSlot?: (slot: { measured: boolean; slotsLeft: number }) => void) => {
    let slotsLeft = (options.warmup > 0 ? 2 : 0) + 2 * options.rounds;
    if (options.warmup > 0) {
      for (const target of [plan.gateway, plan.direct]) {
        beforeSlot?.({ measured: false, slotsLeft: slotsLeft-- });
        await runLoad(target, options.connections, options.warmup, emptyTally());
      }
      assertAlive();
    }
    for (let r = 0; r < options.rounds; r += 1) {
      started = performance.now();
      const slots: Array<[LoadTarget, Tally]> = [
        [plan.gateway, plan.gatewayTally],
        [plan.direct, plan.directTally],
      ];
      if (r % 2 === 1) slots.reverse();
      for (const [target, tally] of slots) {
        beforeSlot?.({ measured: true, slotsLeft: slotsLeft-- });
        if (await measure(target, tally, options.duration)) plan.ranShort = true;
      }
      log(`${plan.key}: round ${r + 1}/${options.rounds} in ${seconds(started)} s; gateway RSS max so far ${rss.maxMb.toFixed(1)} MB`);
    }
    for (const [label, tally] of [['gateway', plan.gatewayTally], ['direct', plan.directTally]] as const) {
      if (tally.bad > 0) throw new Error(`${plan.title}, ${label}: ${tally.bad} answers were not 200 without errors; the first: ${tally.firstBad}`);
      if (tally.ok === 0) throw new Error(`${plan.title}, ${label}: no answers`);
    }
  };

  // 1. Bookings. Every booking answered (checks, warm-up, measured) is an order for the payouts; the measured ones'
  // lag is read once the ledger has caught up.
  const payable: AnsweredBooking[] = [];
  const measuredBookings: AnsweredBooking[] = [];
  let measuring = false;
  const onBooked = (data: unknown, answeredAtMs: number) => {
    const booking = { reference: (data as BookedData).bookMoneyOrder.order.reference, answeredAtMs };
    payable.push(booking);
    if (measuring) measuredBookings.push(booking);
  };
  const bookings: Plan = {
    key: 'bookings',
    title: `bookMoneyOrder (eMO of Rs ${ORDER_AMOUNT} in cash at ${OFFICES.booking}, paid at ${OFFICES.paying}), as ${CLERKS.booking}`,
    gateway: gatewayTarget(processes, booker, () => BOOK.gateway(bookingInput(OFFICES.booking, OFFICES.paying, ORDER_AMOUNT)), onBooked),
    direct: directTarget(processes, booker, () => BOOK.direct(bookingInput(OFFICES.booking, OFFICES.paying, ORDER_AMOUNT)), onBooked),
    gatewayTally: emptyTally(),
    directTally: emptyTally(),
  };
  await checkBothWays(processes, booker, BOOK, bookingInput(OFFICES.booking, OFFICES.paying, ORDER_AMOUNT), bookingInput(OFFICES.booking, OFFICES.paying, ORDER_AMOUNT), (data) => {
    const { order } = (data as BookedData).bookMoneyOrder;
    if (order.status !== 'BOOKED') throw new Error(`a booking answered ${order.status}, not BOOKED`);
    payable.push({ reference: order.reference, answeredAtMs: Date.now() });
    return { ...(data as BookedData).bookMoneyOrder, order: { ...order, reference: '(each its own)' } };
  });
  const bookingsStarted = performance.now();
  await load(bookings, (slot) => void (measuring = slot.measured));
  measuring = false;
  log(`bookings loaded in ${seconds(bookingsStarted)} s: ${payable.length} orders booked, ${measuredBookings.length} of them measured`);

  // 2. Ready the payouts: enough orders (more booked straight to money-orders if step 1's may not last), the paying
  // office's cash (cash-in bookings there), and every one of them posted by the ledger.
  started = performance.now();
  const bookingRate = Math.max(figures(bookings.gatewayTally).requestsPerSecond, figures(bookings.directTally).requestsPerSecond);
  const wanted = Math.ceil(bookingRate * (2 * options.rounds * options.duration + 2 * options.warmup) * SUPPLY_MARGIN) + 4;
  const topUp = Math.max(0, wanted - payable.length);
  if (topUp > 0) {
    let left = topUp;
    const more = directTarget(processes, booker, () => (left-- > 0 ? BOOK.direct(bookingInput(OFFICES.booking, OFFICES.paying, ORDER_AMOUNT)) : undefined), onBooked);
    await runLoadAll(more, 'the top-up bookings');
  }
  const cashIns: AnsweredBooking[] = [];
  let cashInsLeft = Math.ceil((payable.length * Number(ORDER_AMOUNT)) / Number(CASH_IN_AMOUNT)) + 1;
  const cashIn = directTarget(
    processes,
    payer,
    () => (cashInsLeft-- > 0 ? BOOK.direct(bookingInput(OFFICES.paying, OFFICES.booking, CASH_IN_AMOUNT)) : undefined),
    (data, answeredAtMs) => cashIns.push({ reference: (data as BookedData).bookMoneyOrder.order.reference, answeredAtMs }),
  );
  await runLoadAll(cashIn, 'the cash-in bookings');
  log(`payouts readied: ${topUp} more orders booked, ${cashIns.length} cash-in bookings of Rs ${CASH_IN_AMOUNT} at ${OFFICES.paying}, in ${seconds(started)} s`);
  started = performance.now();
  await waitForBookingsPosted(database, payable.map((booking) => booking.reference), options.settleTimeout * 1_000, 'the orders booked');
  await waitForBookingsPosted(database, cashIns.map((booking) => booking.reference), options.settleTimeout * 1_000, 'the cash-in bookings');
  log(`the ledger caught up ${seconds(started)} s after the last booking: every order AVAILABLE at ${OFFICES.paying}`);
  const lag = await bookingLag(database, measuredBookings);
  if (lag.missing > 0) throw new Error(`${lag.missing} measured bookings have no journal entry although their movement is posted`);
  // The ledger's consumer takes one movement at a time: when the counters book faster than it posts, the lag grows
  // through the run (a queue), which its rate next to the booking rate shows.
  const ledgerRate = {
    postedPerSecond: round((lag.toEntryMs.length - 1) / Math.max(0.001, (lag.lastEntryAtMs - lag.firstEntryAtMs) / 1_000), 1),
    bookedPerSecond: round(measuredBookings.length / (bookings.gatewayTally.seconds + bookings.directTally.seconds), 1),
  };

  // 3. Payouts, one order each, with the payee's code from the local outbox.
  const codes = await payeeCodes(outboxDir);
  const supply: PayoutInput[] = payable.map(({ reference }) => {
    const otp = codes.get(reference);
    if (!otp) throw new Error(`no one-time password for ${reference} in the local outbox`);
    return payoutInput(reference, otp);
  });
  // Each slot may take its share of what is left, so that if the orders ran short both ways would run short alike.
  let slotAllowance = Infinity;
  const nextPayout = () => (slotAllowance-- > 0 ? supply.pop() : undefined);
  const payouts: Plan = {
    key: 'payouts',
    title: `payMoneyOrder (one AVAILABLE order each, at ${OFFICES.paying} with the payee's OTP), as ${CLERKS.paying}`,
    gateway: gatewayTarget(processes, payer, () => optional(nextPayout(), PAY.gateway)),
    direct: directTarget(processes, payer, () => optional(nextPayout(), PAY.direct)),
    gatewayTally: emptyTally(),
    directTally: emptyTally(),
  };
  await checkBothWays(processes, payer, PAY, supply.pop()!, supply.pop()!, (data) => {
    const paid = (data as PaidData).payMoneyOrder;
    if (paid.status !== 'PAID') throw new Error(`a payout answered ${paid.status}, not PAID`);
    return { ...paid, reference: '(each its own)' };
  });
  const supplied = supply.length;
  await load(payouts, (slot) => void (slotAllowance = Math.floor(supply.length / slot.slotsLeft)));
  log(`payouts loaded: ${supplied - supply.length} of ${supplied} prepared orders paid`);
  rss.sample();
  rss.stop();

  report(
    [operationFigures(bookings), operationFigures(payouts)],
    { toPublished: percentiles(lag.toPublishedMs), toEntry: percentiles(lag.toEntryMs), toAvailable: percentiles(lag.toAvailableMs) },
    ledgerRate,
    { maxMb: round(rss.maxMb, 1), atStartMb: round(processes.rssAtStartMb, 1) },
    { payoutOrdersPrepared: supplied, payoutOrdersLeft: supply.length, topUpBookings: topUp, cashInBookings: cashIns.length },
  );
}

/** Loads a target with a fixed supply until it runs out (preparation, not measured); any refusal breaks the run. */
async function runLoadAll(target: LoadTarget, what: string): Promise<void> {
  const tally = emptyTally();
  await runLoad(target, options.connections, 3_600, tally);
  if (tally.bad > 0 || tally.errors > 0) throw new Error(`${what}: ${tally.bad} refused, ${tally.errors} connection errors; the first refusal: ${tally.firstBad}`);
}

function optional<T>(value: T | undefined, make: (value: T) => GraphQLRequestBody): GraphQLRequestBody | undefined {
  return value === undefined ? undefined : make(value);
}

/** Requests to the gateway with the session's token. */
function gatewayTarget(processes: BenchProcesses, session: Session, body: () => GraphQLRequestBody | undefined, onAnswer?: LoadRequest['onAnswer']): LoadTarget {
  return {
    url: processes.gatewayUrl,
    next: () => {
      const next = body();
      return next && { body: JSON.stringify(next), headers: { authorization: `Bearer ${session.token}` }, ...(onAnswer ? { onAnswer } : {}) };
    },
  };
}

/** The same requests straight to money-orders, each signed as the gateway signs it (its own request id and nonce). */
function directTarget(processes: BenchProcesses, session: Session, body: () => GraphQLRequestBody | undefined, onAnswer?: LoadRequest['onAnswer']): LoadTarget {
  return {
    url: processes.subgraphUrl('money-orders'),
    next: () => {
      const next = body();
      if (!next) return undefined;
      const text = JSON.stringify(next);
      return { body: text, headers: session.sign('money-orders', text), ...(onAnswer ? { onAnswer } : {}) };
    },
  };
}

/**
 * Once, before the load: the mutation through the gateway and straight to money-orders answers the same data (apart
 * from what each order has of its own, which `normalise` blanks), so both ways do the same work.
 */
async function checkBothWays<Input>(
  processes: BenchProcesses,
  session: Session,
  operation: { gateway(input: Input): GraphQLRequestBody; direct(input: Input): GraphQLRequestBody },
  viaGateway: Input,
  straight: Input,
  normalise: (data: unknown) => unknown,
): Promise<void> {
  const gatewayData = normalise(await graphql(processes.gatewayUrl, { authorization: `Bearer ${session.token}` }, operation.gateway(viaGateway)));
  const directBody = JSON.stringify(operation.direct(straight));
  const directData = normalise(await graphql(processes.subgraphUrl('money-orders'), session.sign('money-orders', directBody), directBody));
  if (!isDeepStrictEqual(gatewayData, directData)) {
    throw new Error(`the direct request does not answer what the gateway answers:\n${JSON.stringify(gatewayData)}\n${JSON.stringify(directData)}`);
  }
}

function operationFigures(plan: Plan): OperationFigures {
  const gatewayFigures = figures(plan.gatewayTally);
  const directFigures = figures(plan.directTally);
  return {
    title: plan.title,
    gateway: gatewayFigures,
    direct: directFigures,
    ratio: round(gatewayFigures.requestsPerSecond / directFigures.requestsPerSecond, 3),
    connectionErrors: plan.gatewayTally.errors + plan.directTally.errors,
    ...(plan.ranShort ? { ranShort: true } : {}),
  };
}

function report(
  operations: [OperationFigures, OperationFigures],
  lag: { toPublished: ReturnType<typeof percentiles>; toEntry: ReturnType<typeof percentiles>; toAvailable: ReturnType<typeof percentiles> },
  ledgerRate: { postedPerSecond: number; bookedPerSecond: number },
  memory: { maxMb: number; atStartMb: number },
  preparation: Record<string, number>,
): void {
  const [bookings, payouts] = operations;
  const loadAtEnd = loadavg()[0]!;
  printOperations(log, operations);
  log('');
  printLag(log, lag.toPublished, lag.toEntry, lag.toAvailable);
  log(`the ledger posted the measured bookings at ${ledgerRate.postedPerSecond.toFixed(1)}/s; they were booked at ${ledgerRate.bookedPerSecond.toFixed(1)}/s (a lag that grows through the run is the ledger's queue)`);
  const pass = { bookingsRatio: bookings.ratio >= RATIO_TARGET, payoutsRatio: payouts.ratio >= RATIO_TARGET, memory: memory.maxMb < MEMORY_TARGET_MB };
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  log(`\ntarget: bookings ratio gateway/direct >= ${RATIO_TARGET}: ${bookings.ratio.toFixed(3)} ${verdict(pass.bookingsRatio)}`);
  log(`target: payouts ratio gateway/direct >= ${RATIO_TARGET}: ${payouts.ratio.toFixed(3)} ${verdict(pass.payoutsRatio)}`);
  log(`target: gateway RSS < ${MEMORY_TARGET_MB} MB (max sampled through the run): ${memory.maxMb.toFixed(1)} MB ${verdict(pass.memory)}`);
  log(`load average ${loadAtEnd.toFixed(2)} at the end (${availableParallelism()} CPUs; the gateway, the subgraphs, PostgreSQL, Redis and the load generator share them)`);
  if (Math.max(loadAtStart, loadAtEnd) > availableParallelism()) {
    log('the machine was busy with other work (load average above the CPU count): compare only runs made under like load');
  }
  console.log(
    JSON.stringify({
      benchmark: 'money-orders',
      planner: options.planner,
      gatewayNodeFlags: GATEWAY_NODE_FLAGS,
      ratios: { bookings: bookings.ratio, payouts: payouts.ratio },
      bookingLagMs: {
        toJournalEntry: lag.toEntry,
        toPublished: lag.toPublished,
        ledgerPostedPerSecond: ledgerRate.postedPerSecond,
        bookedPerSecond: ledgerRate.bookedPerSecond,
        toAvailable: lag.toAvailable,
        measuredAs: 'accounts.journal_entries.posted_at (source MONEY_ORDER, the reference) and money_orders.money_order_ledger_movements.answered_at (BOOKED), minus when the bench had the booking answer',
      },
      gatewayRssMaxMb: memory.maxMb,
      gatewayRssAtStartMb: memory.atStartMb,
      targets: { ratio: RATIO_TARGET, gatewayRssMb: MEMORY_TARGET_MB },
      pass,
      connections: options.connections,
      durationSeconds: options.duration,
      rounds: options.rounds,
      warmupSeconds: options.warmup,
      machine: { cpus: availableParallelism(), loadAverageStart: round(loadAtStart, 2), loadAverageEnd: round(loadAtEnd, 2) },
      preparation,
      operations: { bookings, payouts },
    }),
  );
}
