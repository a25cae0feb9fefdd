import { describe, expect, it } from 'vitest';
import { dryRun } from './dry-run.js';
import { matchAll } from './engine.js';
import type { BankLine, OpenItem } from './model.js';
import { DEFAULT_RULE_SET } from './rules.js';
import { item, line, neftUtr } from './test-support/builders.js';

/** A day on the NDGPO collection account, as the operator's books and its bank would show it. */
function day(): { lines: BankLine[]; items: OpenItem[] } {
  const utr = neftUtr(90001);
  const collections = ['c1', 'c2', 'c3'].map((id) =>
    item(id, { kind: 'AGGREGATOR_CREDIT', amount: '1000.00', groupKey: 'setl_PQ7r8s9t0u', date: '2026-11-02' }),
  );
  return {
    lines: [
      line('b1', { direction: 'DEBIT', amount: '48250.00', bookingDate: '2026-11-03', references: { utr } }),
      line('b2', { direction: 'DEBIT', amount: '12000.00', references: { paymentInformationId: 'STL-20261102-0003' } }),
      line('b3', { amount: '750.00', bookingDate: '2026-11-02', references: { utr: '634512345678' } }),
      line('b4', { amount: '2950.00', bookingDate: '2026-11-04', remittance: 'PAYU SETTLEMENT SETL_PQ7R8S9T0U' }),
      line('b5', { amount: '18400.00', remittance: 'CASH DEP BY NDGPO SLIP 778812' }),
      line('b6', { amount: '999.00', counterparty: { name: 'Unknown Traders' } }),
      line('b7', { direction: 'DEBIT', amount: '5100.00', bookingDate: '2026-11-03', counterparty: { account: '50100234567890' } }),
    ],
    items: [
      item('p1', { kind: 'PAYOUT', direction: 'DEBIT', amount: '48250.00', references: { utr } }),
      item('p2', { kind: 'PAYOUT', direction: 'DEBIT', amount: '7000.00', references: { batchReference: 'STL-20261102-0003' } }),
      item('p3', { kind: 'PAYOUT', direction: 'DEBIT', amount: '5000.00', references: { batchReference: 'STL-20261102-0003' } }),
      item('u1', { kind: 'AGGREGATOR_CREDIT', amount: '750.00', references: { rrn: '634512345678' } }),
      ...collections,
      item('d1', { kind: 'CASH_DEPOSIT', amount: '18400.00', references: { depositSlip: '778812' } }),
      item('p4', { kind: 'PAYOUT', direction: 'DEBIT', amount: '5100.00', counterparty: { account: '50100234567890' } }),
      item('m1', { kind: 'MONEY_ORDER', direction: 'DEBIT', amount: '300.00' }),
    ],
  };
}

describe('DEFAULT_RULE_SET', () => {
  it('matches a day of payouts, a batch, UPI, an aggregator settlement and a cash deposit, each by its rule', () => {
    const { lines, items } = day();
    const result = matchAll(lines, items, DEFAULT_RULE_SET);
    expect(result.matches.map((match) => [match.ruleId, match.lineIds.join(), match.itemIds.join(), match.status])).toEqual([
      ['payout-utr', 'b1', 'p1', 'CONFIRMED'],
      ['payout-batch', 'b2', 'p2,p3', 'CONFIRMED'],
      ['upi-rrn', 'b3', 'u1', 'CONFIRMED'],
      ['aggregator-settlement', 'b4', 'c1,c2,c3', 'SUGGESTED'],
      ['deposit-slip', 'b5', 'd1', 'CONFIRMED'],
      ['amount-date-counterparty', 'b7', 'p4', 'SUGGESTED'],
    ]);
    // 2950 for 3000: 50 of an allowance of 60 (2 %) costs 0.0833, two days 0.04.
    expect(result.matches[3]!.confidence).toBe('0.7966');
    expect(result.unmatchedLineIds).toEqual(['b6']);
    expect(result.unmatchedItemIds).toEqual(['m1']);
  });

  it('a dry run shows the same matches with what each rule did, and changes nothing', () => {
    const { lines, items } = day();
    const before = structuredClone({ lines, items });
    const run = dryRun(lines, items, DEFAULT_RULE_SET);
    expect(run.matches).toEqual(matchAll(lines, items, DEFAULT_RULE_SET).matches);
    expect(run.byRule.map((outcome) => [outcome.ruleId, outcome.confirmed, outcome.suggested, outcome.items])).toEqual([
      ['payout-utr', 1, 0, 1],
      ['payout-batch', 1, 0, 2],
      ['upi-rrn', 1, 0, 1],
      ['aggregator-settlement', 0, 1, 3],
      ['deposit-slip', 1, 0, 1],
      ['reference-in-narration', 0, 0, 0],
      ['amount-date-counterparty', 0, 1, 1],
      ['deposit-split', 0, 0, 0],
    ]);
    expect({ lines, items }).toEqual(before);
  });

  it('a dry run of a proposed change: without the RRN rule the UPI credit stays open', () => {
    const { lines, items } = day();
    const proposed = {
      ...DEFAULT_RULE_SET,
      version: 2,
      rules: DEFAULT_RULE_SET.rules.map((rule) => (rule.id === 'upi-rrn' ? { ...rule, enabled: false } : rule)),
    };
    const run = dryRun(lines, items, proposed);
    expect(run.byRule.find((outcome) => outcome.ruleId === 'upi-rrn')).toEqual({
      ruleId: 'upi-rrn',
      enabled: false,
      confirmed: 0,
      suggested: 0,
      lines: 0,
      items: 0,
    });
    // No other rule reads the RRN in a reference field, and amount alone is never used for aggregator credits.
    expect(run.unmatchedLineIds).toEqual(['b3', 'b6']);
    expect(run.unmatchedItemIds).toEqual(['m1', 'u1']);
    expect(run.matches).toHaveLength(5);
  });
});
