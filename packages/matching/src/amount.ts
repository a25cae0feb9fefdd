import { Decimal } from '@postal/money';
import { buildCandidate, type Candidate } from './candidate.js';
import { counterpartyAgreement, type CounterpartyKeys } from './normalize.js';
import type { PreparedItem, PreparedLine, Side } from './prepare.js';
import type { Rule } from './rules.js';
import { itemsTotalRange, linesTotalRange, withinTolerance, withinWindow } from './scoring.js';
import { bestSubset, SUBSET_LIMITS } from './subset.js';

/**
 * AMOUNT_DATE. Items (or groups of items) are indexed by currency and direction and sorted by amount, so a line's
 * tolerance window is a range scan: outward from the line's amount, nearest amounts first, at most MAX_SCAN entries
 * (a bound for a book with thousands of equal amounts, e.g. ₹500 COD collections; the scan order is fixed, so a cut
 * scan is the same every run).
 */
export const MAX_SCAN = 5_000;
/** MANY_TO_ONE by amount: the most lines taken together as one split payment. */
export const MAX_WHOLE_GROUP = 50;

interface Entry<T> {
  total: Decimal;
  id: string;
  value: T;
}

class AmountIndex<T> {
  private readonly buckets = new Map<string, Entry<T>[]>();

  add(currency: string, direction: string, entry: Entry<T>): void {
    const key = `${currency}|${direction}`;
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(entry);
    else this.buckets.set(key, [entry]);
  }

  seal(): this {
    for (const bucket of this.buckets.values()) {
      bucket.sort((a, b) => a.total.comparedTo(b.total) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return this;
  }

  /** Entries with total in [low, high], nearest `target` first (a tie: the lower amount, then the lower id). */
  *near(currency: string, direction: string, target: Decimal, low: Decimal, high: Decimal | undefined): Generator<T> {
    const bucket = this.buckets.get(`${currency}|${direction}`);
    if (!bucket) return;
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bucket[mid]!.total.lt(target)) lo = mid + 1;
      else hi = mid;
    }
    let down = lo - 1;
    let up = lo;
    for (let scanned = 0; scanned < MAX_SCAN; scanned++) {
      const below = down >= 0 && bucket[down]!.total.gte(low) ? bucket[down]! : undefined;
      const above = up < bucket.length && (high === undefined || bucket[up]!.total.lte(high)) ? bucket[up]! : undefined;
      if (!below && !above) return;
      if (below && (!above || target.minus(below.total).lte(above.total.minus(target)))) {
        down--;
        yield below.value;
      } else {
        up++;
        yield above!.value;
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
  agreeing(counterparty: CounterpartyKeys | undefined, firstDay: number, lastDay: number): T[] {
    if (!counterparty) return [];
    const found = new Map<string, T>();
    for (const key of keysOf(counterparty)) {
      const list = this.byKey.get(key);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]!.day < firstDay) lo = mid + 1;
        else hi = mid;
      }
      for (let index = lo, scanned = 0; index < list.length && scanned < MAX_SCAN; index++, scanned++) {
        const side = list[index]!;
        if (side.day > lastDay) break;
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
    for (const item of items) index.add(item.currency, item.direction, { total: item.amount, id: item.id, value: item });
    index.seal();
    for (const line of anchored) {
      const { low, high } = itemsTotalRange(rule, line.amount);
      for (const item of index.near(line.currency, line.direction, line.amount, low, high)) {
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
    index.add(first.currency, first.direction, { total: sum(group), id: key, value: { key, items: group } });
  }
  index.seal();
  const counterparties = rule.subsetSum ? new CounterpartyIndex(items) : undefined;
  for (const line of anchored) {
    const { low, high } = itemsTotalRange(rule, line.amount);
    for (const group of index.near(line.currency, line.direction, line.amount, low, high)) {
      const candidate = buildCandidate(rule, line.id, [line], group.items, { group: `groupKey ${group.key}` });
      if (candidate) emit(candidate);
    }
    // ...and, when the rule says so, against the best bounded subset of the same counterparty's items.
    if (counterparties) {
      const pool = counterparties
        .agreeing(line.counterparty, line.day - rule.dateWindowDays.after, line.day + rule.dateWindowDays.before)
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
      .agreeing(item.counterparty, item.day - rule.dateWindowDays.before, item.day + rule.dateWindowDays.after)
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
