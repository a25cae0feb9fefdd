import type { BankLine, OpenItem } from '../model.js';
import type { Rule, RuleSet } from '../rules.js';

/** A booked credit of ₹1,000.00 on 2026-11-02 with no references, unless told otherwise. */
export function line(id: string, overrides: Partial<BankLine> = {}): BankLine {
  return { id, direction: 'CREDIT', amount: '1000.00', currency: 'INR', bookingDate: '2026-11-02', references: {}, ...overrides };
}

/** A cash deposit of ₹1,000.00 on 2026-11-02 with no references, unless told otherwise. */
export function item(id: string, overrides: Partial<OpenItem> = {}): OpenItem {
  return {
    id,
    kind: 'CASH_DEPOSIT',
    direction: 'CREDIT',
    amount: '1000.00',
    currency: 'INR',
    date: '2026-11-02',
    references: {},
    ...overrides,
  };
}

export function rule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'r1',
    name: 'test rule',
    enabled: true,
    kind: 'EXACT_REFERENCE',
    strategy: 'ONE_TO_ONE',
    sources: ['PAYOUT', 'AGGREGATOR_CREDIT', 'CASH_DEPOSIT', 'MONEY_ORDER'],
    lineFields: ['utr'],
    itemFields: ['utr'],
    amountTolerance: { absolute: '0', percent: '0' },
    dateWindowDays: { before: 0, after: 0 },
    requireCounterparty: false,
    subsetSum: false,
    baseConfidence: '0.95',
    ...overrides,
  };
}

/** An AMOUNT_DATE rule (no reference fields). */
export function amountRule(overrides: Partial<Rule> = {}): Rule {
  return rule({ kind: 'AMOUNT_DATE', lineFields: [], itemFields: [], baseConfidence: '0.80', ...overrides });
}

export function ruleSet(rules: Rule[], autoConfirmAt = '0.90'): RuleSet {
  return { version: 1, autoConfirmAt, rules };
}

/** A seeded PRNG (mulberry32), so a "random" test is the same test every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** A NEFT UTR as banks issue them since 2024: 4-letter bank code, 'N', then 17 more characters (22 in all). */
export function neftUtr(serial: number): string {
  return `SBIN${'N'}${String(serial).padStart(17, '0')}`;
}
