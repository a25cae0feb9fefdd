import { Decimal } from '@postal/money';
import { buildCandidate, type Candidate } from './candidate.js';
import { counterpartyAgreement, type CounterpartyKeys } from './normalize.js';
import type { PreparedItem, PreparedLine, Side } from './prepare.js';
import type { Rule } from './rules.js';
import { itemsTotalRange, linesTotalRange, withinTolerance, withinWindow } from './scoring.js';
import { bestSubset, SUBSET_LIMITS } from './subset.js';

/**
 * AMOUNT_DATE. Items (or groups of items) are indexed by currency and direction and sorted by amount, so a line's
 * tolerance window is a range scan: outward from the line's amount, nearest amounts first. Items of one amount are
 * kept by date, so the date window is a binary search within each amount, not a scan. At most MAX_SCAN entries
 * inside both windows are looked at per line: a bound for a book with thousands of equal amounts on the same days
 * (₹500 COD collections); the scan order is fixed (amount distance, then date, then id), so a cut scan is the same
 * every run.
 */
export const MAX_SCAN = 1_000;
/** MANY_TO_ONE by amount: the most lines taken together as one split payment. */
export const MAX_WHOLE_GROUP = 50;

interface Entry<T> {
  total: Decimal;
  /** The entry's date (day number); undefined for a group, whose items have their own dates. */
  day: number | undefined;
  id: string;
  value: T;
}

/** Entries of one total, by date then id. */
interface Run<T> {
  total: Decimal;
  entries: Entry<T>[];
}

function byDayThenId<T>(a: Entry<T>, b: Entry<T>): number {
  return (a.day ?? 0) - (b.day ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

class AmountIndex<T> {
  private readonly pending = new Map<string, Entry<T>[]>();
  private readonly buckets = new Map<string, Run<T>[]>();

  add(currency: string, direction: string, entry: Entry<T>): void {
    const key = `${currency}|${direction}`;
    const bucket = this.pending.get(key);
    if (bucket) bucket.push(entry);
    else this.pending.set(key, [entry]);
  }

  seal(): this {
    for (const [key, entries] of this.pending) {
      entries.sort((a, b) => a.total.comparedTo(b.total) || byDayThenId(a, b));
      const runs: Run<T>[] = [];
      for (const entry of entries) {
        const last = runs[runs.length - 1];
        if (last && last.total.eq(entry.total)) last.entries.push(entry);
        else runs.push({ total: entry.total, entries: [entry] });
      }
      this.buckets.set(key, runs);
    }
    this.pending.clear();
    return this;
  }

  /**
   * Entries with total in [low, high] and (when given) day in [firstDay, lastDay], nearest `target` first (a tie: the
   * lower amount), then by date and id; at most MAX_SCAN of them.
   */
  *near(
    currency: string,
    direction: string,
    target: Decimal,
    range: { low: Decimal; high: Decimal | undefined },
    days?: { first: number; last: number },
  ): Generator<T> {
    const runs = this.buckets.get(`${currency}|${direction}`);
    if (!runs) return;
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runs[mid]!.total.lt(target)) lo = mid + 1;
      else hi = mid;
    }
    let down = lo - 1;
    let up = lo;
    let scanned = 0;
    while (scanned < MAX_SCAN) {
      const below = down >= 0 && runs[down]!.total.gte(range.low) ? runs[down]! : undefined;
      const above = up < runs.length && (range.high === undefined || runs[up]!.total.lte(range.high)) ? runs[up]! : undefined;
      if (!below && !above) return;
      let run: Run<T>;
      if (below && (!above || target.minus(below.total).lte(above.total.minus(target)))) {
        run = below;
        down--;
      } else {
        run = above!;
        up++;
      }
      const { entries } = run;
      let start = 0;
      if (days) {
        let a = 0;
        let b = entries.length;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if ((entries[mid]!.day ?? 0) < days.first) a = mid + 1;
          else b = mid;
        }
        start = a;
      }
      for (let index = start; index < entries.length && scanned < MAX_SCAN; index++) {
        const entry = entries[index]!;
        if (days && (entry.day ?? 0) > days.last) break;
        scanned++;
        yield entry.value;
      }
    }
  }
}

/**
 * Sides indexed by each of their counterparty keys and sorted by date, for the subset and MANY_TO_ONE pools: a pool
 * is a binary search for the window and at most MAX_SCAN entries per key, so a busy counterparty (an aggregator with
 * thousands of collections) costs a bounded scan, not a pass over everything it has.
 */
class CounterpartyIndex<T extends Side> {
  private readonly byKey = new Map<string, T[]>();

  constructor(sides: readonly T[]) {
    for (const side of sides) {
      if (!side.counterparty) continue;
      for (const key of keysOf(side.counterparty)) {
        const list = this.byKey.get(key);
        if (list) list.push(side);
        else this.byKey.set(key, [side]);
      }
    }
    for (const list of this.byKey.values()) list.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The sides dated firstDay..lastDay that agree with `counterparty` (account, else name), once each, by id. */
  agreeing(counterparty: CounterpartyKeys | undefined, days: { first: number; last: number }): T[] {
    if (!counterparty) return [];
    const found = new Map<string, T>();
    for (const key of keysOf(counterparty)) {
      const list = this.byKey.get(key);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]!.day < days.first) lo = mid + 1;
        else hi = mid;
      }
      for (let index = lo, scanned = 0; index < list.length && scanned < MAX_SCAN; index++, scanned++) {
        const side = list[index]!;
        if (side.day > days.last) break;
        if (counterpartyAgreement(counterparty, side.counterparty) !== undefined) found.set(side.id, side);
      }
    }
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function keysOf(counterparty: CounterpartyKeys): string[] {
  const keys = counterparty.accounts.map((account) => `a:${account}`);
  if (counterparty.name !== undefined) keys.push(`n:${counterparty.name}`);
  return keys;
}

/** The item dates a line dated `lineDay` may be matched with: line − item within [−before, after]. */
function itemDays(rule: Rule, lineDay: number): { first: number; last: number } {
  return { first: lineDay - rule.dateWindowDays.after, last: lineDay + rule.dateWindowDays.before };
}

/** Nearest in date first, then by id: the order a bounded pool is cut in. */
function byDateDistance<T extends Side>(day: number): (a: T, b: T) => number {
  return (a, b) => Math.abs(a.day - day) - Math.abs(b.day - day) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function sum(sides: readonly Side[]): Decimal {
  return sides.reduce((total, side) => total.plus(side.amount), new Decimal(0));
}

export function amountCandidates(
  rule: Rule,
  lines: readonly PreparedLine[],
  items: readonly PreparedItem[],
  anchors: ReadonlySet<string> | undefined,
  emit: (candidate: Candidate) => void,
): void {
  if (rule.strategy === 'MANY_TO_ONE') {
    manyLinesToOneItem(rule, lines, anchors ? items.filter((item) => anchors.has(item.id)) : items, emit);
    return;
  }
  const anchored = anchors ? lines.filter((line) => anchors.has(line.id)) : lines;
  if (rule.strategy === 'ONE_TO_ONE') {
    const index = new AmountIndex<PreparedItem>();
    for (const item of items) {
      index.add(item.currency, item.direction, { total: item.amount, day: item.day, id: item.id, value: item });
    }
    index.seal();
    for (const line of anchored) {
      const range = itemsTotalRange(rule, line.amount);
      const days = itemDays(rule, line.day);
      for (const item of index.near(line.currency, line.direction, line.amount, range, days)) {
        // Cheap refusals first: most scanned items fail on the counterparty when it is required.
        if (rule.requireCounterparty && counterpartyAgreement(line.counterparty, item.counterparty) === undefined) continue;
        const candidate = buildCandidate(rule, line.id, [line], [item]);
        if (candidate) emit(candidate);
      }
    }
    return;
  }
  // ONE_TO_MANY: one line against each groupKey's items as a whole...
  const groups = new Map<string, PreparedItem[]>();
  for (const item of items) {
    if (item.groupKey === undefined) continue;
    const group = groups.get(item.groupKey);
    if (group) group.push(item);
    else groups.set(item.groupKey, [item]);
  }
  const index = new AmountIndex<{ key: string; items: PreparedItem[] }>();
  for (const [key, group] of groups) {
    const first = group[0]!;
    // A group in two currencies or directions is never matched as one (buildCandidate would refuse it anyway).
    if (group.some((item) => item.currency !== first.currency || item.direction !== first.direction)) continue;
    index.add(first.currency, first.direction, { total: sum(group), day: undefined, id: key, value: { key, items: group } });
  }
  index.seal();
  const counterparties = rule.subsetSum ? new CounterpartyIndex(items) : undefined;
  for (const line of anchored) {
    const range = itemsTotalRange(rule, line.amount);
    const { low, high } = range;
    for (const group of index.near(line.currency, line.direction, line.amount, range)) {
      const candidate = buildCandidate(rule, line.id, [line], group.items, { group: `groupKey ${group.key}` });
      if (candidate) emit(candidate);
    }
    // ...and, when the rule says so, against the best bounded subset of the same counterparty's items.
    if (counterparties) {
      const pool = counterparties
        .agreeing(line.counterparty, itemDays(rule, line.day))
        .filter(
          (item) => item.currency === line.currency && item.direction === line.direction && withinWindow(rule, line.day, item.day),
        )
        .sort(byDateDistance(line.day))
        .slice(0, SUBSET_LIMITS.pool);
      const subset = bestSubset(pool, line.amount, low, high, (total) => withinTolerance(rule, line.amount, total));
      if (subset) {
        const candidate = buildCandidate(rule, line.id, [line], subset, { group: 'subset of one counterparty', subset: true });
        if (candidate) emit(candidate);
      }
    }
  }
}

/**
 * MANY_TO_ONE by amount: the item's counterparty's lines within the window, all of them together, and (with
 * subsetSum) the best bounded subset of them.
 */
function manyLinesToOneItem(
  rule: Rule,
  lines: readonly PreparedLine[],
  items: readonly PreparedItem[],
  emit: (candidate: Candidate) => void,
): void {
  const counterparties = new CounterpartyIndex(lines);
  for (const item of items) {
    const pool = counterparties
      .agreeing(item.counterparty, { first: item.day - rule.dateWindowDays.before, last: item.day + rule.dateWindowDays.after })
      .filter(
        (line) => line.currency === item.currency && line.direction === item.direction && withinWindow(rule, line.day, item.day),
      );
    if (pool.length === 0) continue;
    // All of them at once only while that is a plausible split; beyond it only the bounded subset search.
    if (pool.length <= MAX_WHOLE_GROUP) {
      const whole = buildCandidate(rule, item.id, pool, [item], { group: 'lines of one counterparty' });
      if (whole) emit(whole);
    }
    if (rule.subsetSum && pool.length > 1) {
      const { low, high } = linesTotalRange(rule, item.amount);
      const nearest = [...pool].sort(byDateDistance(item.day)).slice(0, SUBSET_LIMITS.pool);
      const subset = bestSubset(nearest, item.amount, low, high, (total) => withinTolerance(rule, total, item.amount));
      if (subset) {
        const candidate = buildCandidate(rule, item.id, subset, [item], { group: 'subset of one counterparty', subset: true });
        if (candidate) emit(candidate);
      }
    }
  }
}
