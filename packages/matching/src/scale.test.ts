import { describe, expect, it } from 'vitest';
import { matchAll } from './engine.js';
import type { BankLine, OpenItem } from './model.js';
import { item, line, neftUtr, rule, ruleSet } from './test-support/builders.js';

describe('scale', () => {
  it('100,000 lines against 100,000 items on the exact-reference rule (timing logged, not asserted)', () => {
    const count = 100_000;
    const lines: BankLine[] = [];
    const items: OpenItem[] = [];
    for (let index = 0; index < count; index++) {
      const amount = `${100 + (index % 997)}.00`;
      // Every 10th line carries no reference the books know, so the result is not everything matched.
      lines.push(line(`l${index}`, { amount, references: { utr: neftUtr(index % 10 === 9 ? count + index : index) } }));
      items.push(item(`i${index}`, { amount, references: { utr: neftUtr(index) } }));
    }
    const started = performance.now();
    const result = matchAll(lines, items, ruleSet([rule()]));
    const elapsed = performance.now() - started;
    console.log(`matchAll: ${count} lines × ${count} items, exact reference: ${(elapsed / 1000).toFixed(2)} s`);
    expect(result.matches).toHaveLength(90_000);
    expect(result.unmatchedLineIds).toHaveLength(10_000);
    expect(result.matches.find((match) => match.lineIds[0] === 'l12345')?.itemIds).toEqual(['i12345']);
    // Two cores shared with the rest of the suite: room to be slow, the figure above says how slow.
  }, 120_000);
});
