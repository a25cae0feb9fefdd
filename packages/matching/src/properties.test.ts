/**
 * Property-based tests: for any small book and statement fast-check can think of (few amounts, days, references and
 * counterparties, so that candidates collide), the engine's promises hold. Totals are re-checked with bigint paise,
 * independent of decimal.js.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAll } from './engine.js';
import type { BankLine, ItemKind, OpenItem } from './model.js';
import { DEFAULT_RULE_SET, type RuleSet } from './rules.js';
import { amountRule, rule, ruleSet, shuffled, seeded } from './test-support/builders.js';

const REFERENCES = ['SBINN00000000000000001', 'HDFCR52026110212345678', '634512345678', 'STL-20261102-0001'];
const KINDS: ItemKind[] = ['PAYOUT', 'AGGREGATOR_CREDIT', 'CASH_DEPOSIT', 'MONEY_ORDER'];

const paise = fc.constantFrom(10_000n, 15_000n, 25_000n, 40_000n, 9_950n, 10_050n);
const day = fc.integer({ min: 1, max: 6 }).map((value) => `2026-11-0${value}`);
const currency = fc.constantFrom('INR', 'INR', 'INR', 'USD');
const direction = fc.constantFrom('CREDIT' as const, 'DEBIT' as const);
const counterparty = fc.option(fc.constantFrom({ account: '50100000000001' }, { account: '50100000000002' }, { name: 'Acme Traders' }), {
  nil: undefined,
});
const reference = fc.option(fc.constantFrom(...REFERENCES), { nil: undefined });

const rupees = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
const toPaise = (amount: string) => BigInt(amount.replace('.', ''));

const lineArb = fc.record({ amount: paise, currency, direction, day, counterparty, utr: reference, e2e: reference, text: reference });
const itemArb = fc.record({
  amount: paise,
  currency,
  direction,
  day,
  counterparty,
  utr: reference,
  batch: reference,
  kind: fc.constantFrom(...KINDS),
  groupKey: fc.option(fc.constantFrom('setl-1', 'setl-2'), { nil: undefined }),
});

const world = fc.record({
  lines: fc.array(lineArb, { maxLength: 14 }).map((entries) =>
    entries.map(
      (entry, index): BankLine => ({
        id: `l${index}`,
        amount: rupees(entry.amount),
        currency: entry.currency,
        direction: entry.direction,
        bookingDate: entry.day,
        references: { ...(entry.utr ? { utr: entry.utr } : {}), ...(entry.e2e ? { paymentInformationId: entry.e2e } : {}) },
        ...(entry.text ? { remittance: `NEFT CR ${entry.text} POSTAL` } : {}),
        ...(entry.counterparty ? { counterparty: entry.counterparty } : {}),
      }),
    ),
  ),
  items: fc.array(itemArb, { maxLength: 14 }).map((entries) =>
    entries.map(
      (entry, index): OpenItem => ({
        id: `i${index}`,
        kind: entry.kind,
        amount: rupees(entry.amount),
        currency: entry.currency,
        direction: entry.direction,
        date: entry.day,
        references: { ...(entry.utr ? { utr: entry.utr, rrn: entry.utr } : {}), ...(entry.batch ? { batchReference: entry.batch } : {}) },
        ...(entry.counterparty ? { counterparty: entry.counterparty } : {}),
        ...(entry.groupKey ? { groupKey: entry.groupKey } : {}),
      }),
    ),
  ),
});

/** Every kind and strategy, subsets included, with tolerances; the groups before the pairs that would take them. */
const EVERYTHING: RuleSet = ruleSet(
  [
    rule({ id: 'batch', strategy: 'ONE_TO_MANY', lineFields: ['paymentInformationId'], itemFields: ['batchReference'], dateWindowDays: { before: 2, after: 2 } }),
    rule({ id: 'exact', lineFields: ['utr', 'paymentInformationId'], itemFields: ['utr', 'batchReference'], dateWindowDays: { before: 1, after: 2 } }),
    rule({ id: 'split', strategy: 'MANY_TO_ONE', lineFields: ['utr'], itemFields: ['utr'], amountTolerance: { absolute: '1', percent: '0' } }),
    rule({ id: 'text', kind: 'REFERENCE_CONTAINS', lineFields: ['remittance'], itemFields: ['utr', 'batchReference'], dateWindowDays: { before: 0, after: 3 } }),
    amountRule({ id: 'sub-items', strategy: 'ONE_TO_MANY', subsetSum: true, requireCounterparty: true, dateWindowDays: { before: 2, after: 2 } }),
    amountRule({ id: 'groups', strategy: 'ONE_TO_MANY', amountTolerance: { absolute: '0', percent: '1' }, dateWindowDays: { before: 0, after: 5 } }),
    amountRule({ id: 'sub-lines', strategy: 'MANY_TO_ONE', subsetSum: true, requireCounterparty: true, dateWindowDays: { before: 2, after: 2 } }),
    amountRule({ id: 'amount', amountTolerance: { absolute: '0.50', percent: '0.5' }, dateWindowDays: { before: 3, after: 3 } }),
  ],
  '0.85',
);

/** How often each rule matched over a property's runs, to show the properties were not checked on nothing. */
const matchedByRule = new Map<string, number>();

function checkPromises(lines: BankLine[], items: OpenItem[], rules: RuleSet): void {
  const result = matchAll(lines, items, rules);
  for (const match of result.matches) matchedByRule.set(match.ruleId, (matchedByRule.get(match.ruleId) ?? 0) + 1);
  const lineById = new Map(lines.map((entry) => [entry.id, entry]));
  const itemById = new Map(items.map((entry) => [entry.id, entry]));
  const seenLines = new Set<string>();
  const seenItems = new Set<string>();
  for (const match of result.matches) {
    const rule = rules.rules.find((entry) => entry.id === match.ruleId)!;
    const matchLines = match.lineIds.map((id) => lineById.get(id)!);
    const matchItems = match.itemIds.map((id) => itemById.get(id)!);
    for (const id of match.lineIds) expect(seenLines.has(id)).toBe(false), seenLines.add(id);
    for (const id of match.itemIds) expect(seenItems.has(id)).toBe(false), seenItems.add(id);
    // One currency and one direction on both sides, and only the kinds the rule names.
    const sides = [...matchLines, ...matchItems];
    expect(new Set(sides.map((side) => side.currency)).size).toBe(1);
    expect(new Set(sides.map((side) => side.direction)).size).toBe(1);
    expect(match.currency).toBe(sides[0]!.currency);
    for (const entry of matchItems) expect(rule.sources).toContain(entry.kind);
    // The difference is exact and within the rule's tolerance (×100 to compare in paise; percent × 100 → ×10,000).
    const lineTotal = matchLines.reduce((sum, entry) => sum + toPaise(entry.amount), 0n);
    const itemTotal = matchItems.reduce((sum, entry) => sum + toPaise(entry.amount), 0n);
    expect(toPaise(match.difference.replace('-', ''))).toBe(lineTotal > itemTotal ? lineTotal - itemTotal : itemTotal - lineTotal);
    const difference = lineTotal > itemTotal ? lineTotal - itemTotal : itemTotal - lineTotal;
    const absolute = BigInt(Math.round(Number(rule.amountTolerance.absolute) * 100));
    const percentBasisPoints = BigInt(Math.round(Number(rule.amountTolerance.percent) * 100));
    expect(difference <= absolute || difference * 10_000n <= itemTotal * percentBasisPoints).toBe(true);
    // Every line within the window of every item.
    for (const entry of matchLines) {
      for (const other of matchItems) {
        const offset = (Date.parse(entry.bookingDate) - Date.parse(other.date)) / 86_400_000;
        expect(offset).toBeGreaterThanOrEqual(-rule.dateWindowDays.before);
        expect(offset).toBeLessThanOrEqual(rule.dateWindowDays.after);
      }
    }
    const confidence = Number(match.confidence);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
    expect(match.status).toBe(confidence >= Number(rules.autoConfirmAt) ? 'CONFIRMED' : 'SUGGESTED');
  }
  // Matched and unmatched together are everything, once.
  expect([...seenLines, ...result.unmatchedLineIds].sort()).toEqual(lines.map((entry) => entry.id).sort());
  expect([...seenItems, ...result.unmatchedItemIds].sort()).toEqual(items.map((entry) => entry.id).sort());
}

describe('properties', () => {
  it('every match keeps the promises: one match per line and item, one currency and direction, tolerance, window', () => {
    fc.assert(
      fc.property(world, ({ lines, items }) => {
        checkPromises(lines, items, EVERYTHING);
        checkPromises(lines, items, DEFAULT_RULE_SET);
      }),
      // A fixed seed: the same worlds every run, so the check below that every rule matched somewhere is stable.
      { numRuns: 200, seed: 20261204 },
    );
    console.log('matches by rule over the runs:', Object.fromEntries(matchedByRule));
    for (const { id } of EVERYTHING.rules) expect(matchedByRule.get(id) ?? 0).toBeGreaterThan(0);
  });

  it('the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({ lines, items }, seed) => {
        const random = seeded(seed);
        const expected = matchAll(lines, items, EVERYTHING);
        expect(matchAll(shuffled(lines, random), shuffled(items, random), EVERYTHING)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
