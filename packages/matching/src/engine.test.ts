import { describe, expect, it } from 'vitest';
import { Decimal } from '@postal/money';
import { matchAll } from './engine.js';
import { MatchingInputError } from './errors.js';
import type { BankLine, OpenItem } from './model.js';
import { amountRule, item, line, neftUtr, rule, ruleSet, seeded, shuffled } from './test-support/builders.js';

const UTR = neftUtr(4512);
const RTGS_UTR = 'HDFCR52026110212345678';
const RRN = '634512345678';

describe('EXACT_REFERENCE', () => {
  it('matches a payout debit to the bank line with its UTR, with the evidence', () => {
    const result = matchAll(
      [line('l1', { direction: 'DEBIT', amount: '25000.00', references: { utr: UTR } })],
      [item('p1', { kind: 'PAYOUT', direction: 'DEBIT', amount: '25000.00', references: { utr: UTR } })],
      ruleSet([rule({ id: 'utr' })]),
    );
    expect(result.matches).toEqual([
      {
        ruleId: 'utr',
        strategy: 'ONE_TO_ONE',
        lineIds: ['l1'],
        itemIds: ['p1'],
        confidence: '0.9500',
        status: 'CONFIRMED',
        evidence: [
          { field: 'reference', lineValue: UTR, itemValue: UTR, detail: 'utr = utr' },
          { field: 'amount', lineValue: '25000.00', itemValue: '25000.00', detail: 'exact' },
          { field: 'date', lineValue: '2026-11-02', itemValue: '2026-11-02', detail: '0 days' },
        ],
        difference: '0.00',
        currency: 'INR',
      },
    ]);
    expect(result.unmatchedLineIds).toEqual([]);
    expect(result.unmatchedItemIds).toEqual([]);
  });

  it('compares references without case or spaces, across the fields the rule lists', () => {
    const result = matchAll(
      [line('l1', { references: { transactionId: ` ${RTGS_UTR.toLowerCase().slice(0, 10)} ${RTGS_UTR.slice(10)}` } })],
      [item('i1', { references: { endToEndId: RTGS_UTR } })],
      ruleSet([rule({ lineFields: ['utr', 'transactionId'], itemFields: ['utr', 'endToEndId'] })]),
    );
    expect(result.matches.map((match) => [match.lineIds, match.itemIds, match.evidence[0]!.detail])).toEqual([
      [['l1'], ['i1'], 'transactionId = endToEndId'],
    ]);
  });

  it('never takes NOTPROVIDED, NONREF or a reference under 6 characters as evidence', () => {
    const result = matchAll(
      [
        line('l1', { references: { endToEndId: 'NOTPROVIDED' } }),
        line('l2', { references: { endToEndId: 'NONREF' } }),
        line('l3', { references: { endToEndId: 'AB123' } }),
      ],
      [
        item('i1', { references: { endToEndId: 'NOTPROVIDED' } }),
        item('i2', { references: { endToEndId: 'NONREF' } }),
        item('i3', { references: { endToEndId: 'AB123' } }),
      ],
      ruleSet([rule({ lineFields: ['endToEndId'], itemFields: ['endToEndId'] })]),
    );
    expect(result.matches).toEqual([]);
  });

  it('does not match an equal reference whose amount is outside the tolerance', () => {
    const result = matchAll(
      [line('l1', { amount: '1000.01', references: { utr: UTR } })],
      [item('i1', { references: { utr: UTR } })],
      ruleSet([rule()]),
    );
    expect(result.matches).toEqual([]);
    expect(result.unmatchedLineIds).toEqual(['l1']);
  });

  it('ONE_TO_MANY: one debit for a settlement batch, all the batch payouts', () => {
    const batch = { batchReference: 'STL-20261102-0007' };
    const payout = (id: string, amount: string): OpenItem =>
      item(id, { kind: 'PAYOUT', direction: 'DEBIT', amount, references: batch });
    const result = matchAll(
      [line('l1', { direction: 'DEBIT', amount: '7250.50', references: { paymentInformationId: 'stl-20261102-0007' } })],
      [payout('p1', '5000.00'), payout('p2', '2000.50'), payout('p3', '250.00'), item('p4', { kind: 'PAYOUT', direction: 'DEBIT' })],
      ruleSet([rule({ strategy: 'ONE_TO_MANY', lineFields: ['paymentInformationId'], itemFields: ['batchReference'] })]),
    );
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ strategy: 'ONE_TO_MANY', lineIds: ['l1'], itemIds: ['p1', 'p2', 'p3'], difference: '0.00' });
    expect(result.matches[0]!.evidence).toContainEqual({ field: 'group', lineValue: '1 line', itemValue: '3 items', detail: 'items sharing STL-20261102-0007' });
    expect(result.unmatchedItemIds).toEqual(['p4']);
  });

  it('ONE_TO_MANY: a batch with an item in another currency is never matched as a group', () => {
    const batch = { batchReference: 'STL-20261102-0008' };
    const result = matchAll(
      [line('l1', { direction: 'DEBIT', amount: '2000.00', references: { paymentInformationId: batch.batchReference } })],
      [
        item('p1', { kind: 'PAYOUT', direction: 'DEBIT', references: batch }),
        item('p2', { kind: 'PAYOUT', direction: 'DEBIT', currency: 'USD', references: batch }),
      ],
      ruleSet([
        rule({
          strategy: 'ONE_TO_MANY',
          lineFields: ['paymentInformationId'],
          itemFields: ['batchReference'],
          amountTolerance: { absolute: '0', percent: '100' },
        }),
      ]),
    );
    expect(result.matches).toEqual([]);
  });

  it('MANY_TO_ONE: two bank lines with the same end-to-end id for one money order', () => {
    const e2e = { endToEndId: 'MO2026110200042' };
    const result = matchAll(
      [
        line('l1', { amount: '600.00', references: e2e }),
        line('l2', { amount: '400.00', references: e2e, bookingDate: '2026-11-03' }),
        line('l3', { amount: '400.00', references: { endToEndId: 'MO2026110200043' } }),
      ],
      [item('m1', { kind: 'MONEY_ORDER', references: e2e })],
      ruleSet([rule({ strategy: 'MANY_TO_ONE', lineFields: ['endToEndId'], itemFields: ['endToEndId'], dateWindowDays: { before: 0, after: 1 } })]),
    );
    expect(result.matches.map((match) => [match.strategy, match.lineIds, match.itemIds, match.difference])).toEqual([
      ['MANY_TO_ONE', ['l1', 'l2'], ['m1'], '0.00'],
    ]);
    expect(result.unmatchedLineIds).toEqual(['l3']);
  });
});

describe('REFERENCE_CONTAINS', () => {
  const contains = (overrides = {}) =>
    rule({ kind: 'REFERENCE_CONTAINS', lineFields: ['remittance'], itemFields: ['depositSlip'], ...overrides });

  it('finds a pay-in slip number inside the narration, ignoring punctuation', () => {
    const result = matchAll(
      [line('l1', { remittance: 'BY CASH/SLIP NO 0045-12 NDGPO' }), line('l2', { remittance: 'BY CASH SLIP 004513' })],
      [item('d1', { references: { depositSlip: '004512' } })],
      ruleSet([contains({ id: 'slip' })]),
    );
    expect(result.matches.map((match) => [match.lineIds, match.itemIds, match.evidence[0]])).toEqual([
      [['l1'], ['d1'], { field: 'reference', lineValue: 'BY CASH/SLIP NO 0045-12 NDGPO', itemValue: '004512', detail: 'remittance contains depositSlip' }],
    ]);
  });

  it('a reference under 6 characters is never looked for in a narration', () => {
    const result = matchAll(
      [line('l1', { remittance: 'MO 12345 PAID' })],
      [item('m1', { kind: 'MONEY_ORDER', references: { moneyOrderNumber: '12345' } })],
      ruleSet([contains({ itemFields: ['moneyOrderNumber'] })]),
    );
    expect(result.matches).toEqual([]);
  });

  it('ONE_TO_MANY: an aggregator credit naming its settlement id pays the collections less its fee (percent, inclusive)', () => {
    const collections = ['c1', 'c2', 'c3', 'c4'].map((id) =>
      item(id, { kind: 'AGGREGATOR_CREDIT', amount: '500.00', groupKey: 'setl_N8xYz12345', date: '2026-11-01' }),
    );
    const aggregator = contains({
      strategy: 'ONE_TO_MANY',
      itemFields: ['groupKey'],
      amountTolerance: { absolute: '0', percent: '2' },
      dateWindowDays: { before: 0, after: 2 },
    });
    const credit = (amount: string) => [line('l1', { amount, remittance: 'RAZORPAY SETTLEMENT setl_N8xYz12345 NOV01' })];
    const atEdge = matchAll(credit('1960.00'), collections, ruleSet([aggregator]));
    expect(atEdge.matches.map((match) => [match.itemIds, match.difference, match.evidence[1]])).toEqual([
      [['c1', 'c2', 'c3', 'c4'], '-40.00', { field: 'amount', lineValue: '1960.00', itemValue: '2000.00', detail: 'within tolerance 40' }],
    ]);
    expect(matchAll(credit('1959.99'), collections, ruleSet([aggregator])).matches).toEqual([]);
  });

  it('MANY_TO_ONE: the lines whose narration contains the item reference, together', () => {
    const result = matchAll(
      [
        line('l1', { amount: '300.00', remittance: `PART 1 ${UTR}` }),
        line('l2', { amount: '700.00', remittance: `PART 2 ${UTR}` }),
      ],
      [item('i1', { references: { utr: UTR } })],
      ruleSet([contains({ strategy: 'MANY_TO_ONE', itemFields: ['utr'] })]),
    );
    expect(result.matches.map((match) => [match.lineIds, match.itemIds])).toEqual([[['l1', 'l2'], ['i1']]]);
  });
});

describe('AMOUNT_DATE tolerances and windows', () => {
  const oneLine = (amount: string, overrides: Partial<BankLine> = {}) => [line('l1', { amount, ...overrides })];
  const matched = (lines: BankLine[], items: OpenItem[], overrides = {}) =>
    matchAll(lines, items, ruleSet([amountRule(overrides)])).matches.length === 1;

  it('absolute tolerance is inclusive at its edge, on both sides', () => {
    const tolerance = { amountTolerance: { absolute: '1.00', percent: '0' } };
    expect(matched(oneLine('1001.00'), [item('i1')], tolerance)).toBe(true);
    expect(matched(oneLine('999.00'), [item('i1')], tolerance)).toBe(true);
    expect(matched(oneLine('1001.01'), [item('i1')], tolerance)).toBe(false);
    expect(matched(oneLine('998.99'), [item('i1')], tolerance)).toBe(false);
  });

  it('percent tolerance is of the items total and inclusive', () => {
    const tolerance = { amountTolerance: { absolute: '0', percent: '0.5' } };
    expect(matched(oneLine('1005.00'), [item('i1')], tolerance)).toBe(true);
    expect(matched(oneLine('995.00'), [item('i1')], tolerance)).toBe(true);
    expect(matched(oneLine('1005.01'), [item('i1')], tolerance)).toBe(false);
    expect(matched(oneLine('994.99'), [item('i1')], tolerance)).toBe(false);
  });

  it('the larger of the absolute and percent tolerance applies', () => {
    const tolerance = { amountTolerance: { absolute: '2.00', percent: '0.1' } };
    expect(matched(oneLine('1002.00'), [item('i1')], tolerance)).toBe(true);
    expect(matched(oneLine('1002.01'), [item('i1')], tolerance)).toBe(false);
    const percentWins = { amountTolerance: { absolute: '0.50', percent: '1' } };
    expect(matched(oneLine('1010.00'), [item('i1')], percentWins)).toBe(true);
    expect(matched(oneLine('1010.01'), [item('i1')], percentWins)).toBe(false);
  });

  it('zero tolerance means the exact amount', () => {
    expect(matched(oneLine('1000.00'), [item('i1')])).toBe(true);
    expect(matched(oneLine('1000.01'), [item('i1')])).toBe(false);
  });

  it('the date window is inclusive: `before` days before and `after` days after the item date', () => {
    const window = { dateWindowDays: { before: 1, after: 3 } };
    const on = (bookingDate: string) => matched(oneLine('1000.00', { bookingDate }), [item('i1', { date: '2026-11-30' })], window);
    expect(on('2026-11-29')).toBe(true);
    expect(on('2026-11-28')).toBe(false);
    expect(on('2026-12-03')).toBe(true);
    expect(on('2026-12-04')).toBe(false);
  });

  it('a required counterparty must agree: account first, else the name', () => {
    const required = { requireCounterparty: true };
    expect(matched(oneLine('1000.00'), [item('i1', { counterparty: { name: 'Acme' } })], required)).toBe(false);
    expect(
      matched(oneLine('1000.00', { counterparty: { account: '0012 3456 7890' } }), [item('i1', { counterparty: { account: '001234567890' } })], required),
    ).toBe(true);
    expect(
      matched(oneLine('1000.00', { counterparty: { name: 'M/s. Acme Traders Pvt. Ltd.' } }), [item('i1', { counterparty: { name: 'ACME TRADERS' } })], required),
    ).toBe(true);
    expect(
      matched(
        oneLine('1000.00', { counterparty: { name: 'Acme Traders', account: '001234567890' } }),
        [item('i1', { counterparty: { name: 'Acme Traders', account: '009999999999' } })],
        required,
      ),
    ).toBe(false);
  });
});

describe('never across currencies or directions', () => {
  it('an equal reference and amount in another currency is never matched, whatever the tolerance', () => {
    const anything = { amountTolerance: { absolute: '1000000', percent: '100' }, dateWindowDays: { before: 90, after: 90 } };
    const result = matchAll(
      [line('l1', { currency: 'USD', references: { utr: UTR } }), line('l2', { currency: 'USD' })],
      [item('i1', { references: { utr: UTR } }), item('i2')],
      ruleSet([rule(anything), amountRule({ id: 'r2', ...anything })]),
    );
    expect(result.matches).toEqual([]);
  });

  it('a credit is never matched with a payout (a debit)', () => {
    const result = matchAll(
      [line('l1', { direction: 'CREDIT', references: { utr: UTR } })],
      [item('p1', { kind: 'PAYOUT', direction: 'DEBIT', references: { utr: UTR } })],
      ruleSet([rule(), amountRule({ id: 'r2' })]),
    );
    expect(result.matches).toEqual([]);
  });
});

describe('confidence and status', () => {
  it('follows the formula: base − amount share × 0.10 − 0.02 a day + 0.05 for the counterparty', () => {
    const result = matchAll(
      [line('l1', { amount: '1000.50', bookingDate: '2026-11-04', counterparty: { account: '001234567890' } })],
      [item('i1', { counterparty: { account: '001234567890' } })],
      ruleSet([amountRule({ baseConfidence: '0.80', amountTolerance: { absolute: '1.00', percent: '0' }, dateWindowDays: { before: 0, after: 5 } })]),
    );
    // 0.80 − 0.10 × 0.50/1.00 − 0.02 × 2 + 0.05
    expect(result.matches[0]!.confidence).toBe('0.7600');
    expect(result.matches[0]!.evidence).toContainEqual({ field: 'counterparty', lineValue: '001234567890', itemValue: '001234567890', detail: 'account' });
  });

  it('caps at 1 and at most 0.10 for the date', () => {
    const result = matchAll(
      [line('l1', { counterparty: { name: 'Acme' } }), line('l2', { amount: '2000.00', bookingDate: '2026-12-01' })],
      [item('i1', { counterparty: { name: 'acme' } }), item('i2', { amount: '2000.00' })],
      ruleSet([amountRule({ baseConfidence: '1', dateWindowDays: { before: 0, after: 90 } })]),
    );
    expect(result.matches.map((match) => match.confidence)).toEqual(['1.0000', '0.9000']);
  });

  it('CONFIRMED at or above autoConfirmAt, SUGGESTED below', () => {
    const result = matchAll(
      [line('l1'), line('l2', { amount: '2000.00', bookingDate: '2026-11-03' })],
      [item('i1'), item('i2', { amount: '2000.00' })],
      ruleSet([amountRule({ baseConfidence: '0.90', dateWindowDays: { before: 0, after: 1 } })], '0.90'),
    );
    expect(result.matches.map((match) => [match.itemIds[0], match.confidence, match.status])).toEqual([
      ['i1', '0.9000', 'CONFIRMED'],
      ['i2', '0.8800', 'SUGGESTED'],
    ]);
  });
});

describe('determinism', () => {
  it('two equally good items: the lower id, every time and in any input order', () => {
    const items = [item('item-b'), item('item-a'), item('item-c')];
    const random = seeded(7);
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = matchAll([line('l1')], shuffled(items, random), ruleSet([amountRule()]));
      expect(result.matches.map((match) => match.itemIds)).toEqual([['item-a']]);
    }
  });

  it('two equally good lines for one item: the lower line id', () => {
    const result = matchAll([line('l2'), line('l1')], [item('i1')], ruleSet([amountRule()]));
    expect(result.matches.map((match) => match.lineIds)).toEqual([['l1']]);
  });

  it('prefers the higher confidence, then the smaller difference, then the nearer date', () => {
    const tolerant = amountRule({ amountTolerance: { absolute: '5.00', percent: '0' }, dateWindowDays: { before: 0, after: 5 } });
    const result = matchAll(
      [line('l1', { bookingDate: '2026-11-03' })],
      [
        item('a-far', { date: '2026-10-29' }),
        item('b-off', { amount: '1001.00', date: '2026-11-03' }),
        item('c-best', { amount: '1000.00', date: '2026-11-03' }),
      ],
      ruleSet([tolerant]),
    );
    expect(result.matches.map((match) => match.itemIds)).toEqual([['c-best']]);
  });

  /** 150 items of five billers over nine days, with many equal amounts; most lines pay one item, some are split. */
  const scenario = () => {
    const random = seeded(42);
    const lines: BankLine[] = [];
    const items: OpenItem[] = [];
    for (let index = 0; index < 150; index++) {
      const amount = (100 + Math.floor(random() * 20) * 50).toFixed(2);
      const day = `2026-11-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}`;
      const cp = { name: `Biller ${Math.floor(random() * 5)}` };
      const shape = random();
      const references = shape < 0.25 ? { utr: neftUtr(index) } : {};
      const groupKey = shape > 0.85 ? `setl-${Math.floor(random() * 6)}` : undefined;
      items.push(item(`i${index}`, { amount, date: day, counterparty: cp, references, ...(groupKey ? { groupKey } : {}) }));
      if (groupKey) continue;
      if (shape > 0.7) {
        // Paid in two credits: neither part is any item's amount.
        const part = new Decimal(amount).minus('33.33').toFixed(2);
        lines.push(line(`l${index}a`, { amount: part, bookingDate: day, counterparty: cp }));
        lines.push(line(`l${index}b`, { amount: '33.33', bookingDate: day, counterparty: cp }));
      } else if (random() < 0.9) {
        lines.push(line(`l${index}`, { amount, bookingDate: day, counterparty: cp, references }));
      }
    }
    // Lines our books know nothing of.
    for (let index = 0; index < 10; index++) lines.push(line(`x${index}`, { amount: '77.77', counterparty: { name: 'Stranger' } }));
    // One credit for each aggregator settlement's collections.
    for (let group = 0; group < 6; group++) {
      const members = items.filter((entry) => entry.groupKey === `setl-${group}`);
      if (members.length === 0) continue;
      const total = members.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
      lines.push(line(`g${group}`, { amount: total.toFixed(2), bookingDate: '2026-11-09' }));
    }
    return { lines, items };
  };
  const mixed = ruleSet([
    rule({ id: 'utr', dateWindowDays: { before: 1, after: 3 } }),
    amountRule({ id: 'group', strategy: 'ONE_TO_MANY', dateWindowDays: { before: 0, after: 9 } }),
    amountRule({
      id: 'amount',
      requireCounterparty: true,
      dateWindowDays: { before: 2, after: 2 },
      amountTolerance: { absolute: '10', percent: '0' },
    }),
    amountRule({ id: 'split', strategy: 'MANY_TO_ONE', requireCounterparty: true, subsetSum: true, dateWindowDays: { before: 2, after: 2 } }),
  ]);

  it('shuffled inputs give the identical result', () => {
    const { lines, items } = scenario();
    const expected = matchAll(lines, items, mixed);
    // Every rule takes part, so every path's order is exercised.
    expect(new Set(expected.matches.map((match) => match.ruleId))).toEqual(new Set(['utr', 'group', 'amount', 'split']));
    expect(expected.unmatchedLineIds.length).toBeGreaterThanOrEqual(10);
    expect(expected.unmatchedItemIds.length).toBeGreaterThan(0);
    console.log(`shuffle scenario: ${expected.matches.length} matches, ${expected.matches.filter((m) => m.ruleId === 'split').length} splits`);
    const random = seeded(99);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(matchAll(shuffled(lines, random), shuffled(items, random), mixed)).toEqual(expected);
    }
  });

  it('is idempotent and changes nothing it is given', () => {
    const { lines, items } = scenario();
    const before = structuredClone({ lines, items, mixed });
    const first = matchAll(lines, items, mixed);
    expect(matchAll(lines, items, mixed)).toEqual(first);
    expect({ lines, items, mixed }).toEqual(before);
  });
});

describe('rules in priority order', () => {
  const lines = [line('l1', { references: { utr: UTR } })];
  const items = [item('i1', { references: { utr: UTR } })];

  it('the first rule takes what it matches; the later rule does not see it', () => {
    const first = matchAll(lines, items, ruleSet([rule({ id: 'ref' }), amountRule({ id: 'amount' })]));
    expect(first.matches.map((match) => match.ruleId)).toEqual(['ref']);
    const swapped = matchAll(lines, items, ruleSet([amountRule({ id: 'amount' }), rule({ id: 'ref' })]));
    expect(swapped.matches.map((match) => match.ruleId)).toEqual(['amount']);
  });

  it('a disabled rule matches nothing, and a rule only matches the item kinds it names', () => {
    expect(matchAll(lines, items, ruleSet([rule({ enabled: false })])).matches).toEqual([]);
    expect(matchAll(lines, items, ruleSet([rule({ sources: ['PAYOUT'] })])).matches).toEqual([]);
  });

  it('a line the first rule took is not in a group of a later rule', () => {
    const e2e = { endToEndId: 'MO2026110200042' };
    const result = matchAll(
      [line('l1', { amount: '600.00', references: { ...e2e, utr: UTR } }), line('l2', { amount: '400.00', references: e2e })],
      [item('i1', { amount: '600.00', references: { utr: UTR } }), item('m1', { kind: 'MONEY_ORDER', references: e2e })],
      ruleSet([
        rule({ id: 'utr' }),
        rule({ id: 'split', strategy: 'MANY_TO_ONE', lineFields: ['endToEndId'], itemFields: ['endToEndId'] }),
      ]),
    );
    expect(result.matches.map((match) => [match.ruleId, match.lineIds, match.itemIds])).toEqual([['utr', ['l1'], ['i1']]]);
    expect(result.unmatchedItemIds).toEqual(['m1']);
  });
});

describe('groups by amount', () => {
  it('ONE_TO_MANY by groupKey: one credit for a day of collections', () => {
    const collections = [
      item('c1', { kind: 'AGGREGATOR_CREDIT', amount: '150.00', groupKey: 'BL000001/2026-11-01' }),
      item('c2', { kind: 'AGGREGATOR_CREDIT', amount: '350.00', groupKey: 'BL000001/2026-11-01' }),
      item('c3', { kind: 'AGGREGATOR_CREDIT', amount: '500.00', groupKey: 'BL000002/2026-11-01' }),
    ];
    const result = matchAll([line('l1', { amount: '500.00' })], collections, ruleSet([amountRule({ strategy: 'ONE_TO_MANY' })]));
    // Both groups total 500.00; equal on every score, the lower line-and-item ids win: c1+c2 before c3.
    expect(result.matches.map((match) => match.itemIds)).toEqual([['c1', 'c2']]);
  });

  it('ONE_TO_MANY subset: the fewest items of one counterparty that add up, with the subset penalty', () => {
    const cp = { account: '001234567890' };
    const result = matchAll(
      [line('l1', { amount: '1500.00', counterparty: cp })],
      [
        item('i1', { amount: '300.00', counterparty: cp }),
        item('i2', { amount: '700.00', counterparty: cp }),
        item('i3', { amount: '800.00', counterparty: cp }),
        item('i4', { amount: '1200.00', counterparty: cp }),
        item('i5', { amount: '500.00', counterparty: cp }),
        item('x1', { amount: '1500.00', counterparty: { account: '009999999999' } }),
      ],
      ruleSet([amountRule({ strategy: 'ONE_TO_MANY', subsetSum: true, requireCounterparty: true })]),
    );
    // {i1,i4}, {i2,i3} and {i1,i2,i5} all sum to 1500; two members beat three, then the lower ids: i1,i4 < i2,i3.
    expect(result.matches.map((match) => [match.itemIds, match.confidence])).toEqual([[['i1', 'i4'], '0.7500']]);
  });

  it('MANY_TO_ONE: a cash deposit paid in as two credits from the same office account', () => {
    const office = { account: '35123456789', name: 'NDGPO' };
    const result = matchAll(
      [
        line('l1', { amount: '30000.00', counterparty: office }),
        line('l2', { amount: '20000.00', counterparty: office, bookingDate: '2026-11-03' }),
        line('l3', { amount: '20000.00', counterparty: { account: '35999999999' } }),
      ],
      [item('d1', { amount: '50000.00', counterparty: office })],
      ruleSet([amountRule({ strategy: 'MANY_TO_ONE', requireCounterparty: true, dateWindowDays: { before: 0, after: 2 } })]),
    );
    expect(result.matches.map((match) => [match.lineIds, match.itemIds, match.difference])).toEqual([[['l1', 'l2'], ['d1'], '0.00']]);
  });

  it('MANY_TO_ONE subset: the lines that add up among more of the same counterparty', () => {
    const office = { account: '35123456789' };
    const result = matchAll(
      [
        line('l1', { amount: '30000.00', counterparty: office }),
        line('l2', { amount: '20000.00', counterparty: office }),
        line('l3', { amount: '12345.00', counterparty: office }),
      ],
      [item('d1', { amount: '50000.00', counterparty: office })],
      ruleSet([amountRule({ strategy: 'MANY_TO_ONE', requireCounterparty: true, subsetSum: true })]),
    );
    expect(result.matches.map((match) => [match.lineIds, match.confidence])).toEqual([[['l1', 'l2'], '0.7500']]);
    expect(result.unmatchedLineIds).toEqual(['l3']);
  });

  it('the subset search is bounded: only the 16 nearest in date are tried, and it returns at once', () => {
    const cp = { account: '001234567890' };
    const items: OpenItem[] = [];
    // 40 items of 1.00 to 40.00, dated over 5 days in turn (i00 on the 1st, i01 on the 2nd, ...).
    for (let index = 0; index < 40; index++) {
      items.push(item(`i${String(index).padStart(2, '0')}`, { amount: `${index + 1}.00`, counterparty: cp, date: `2026-11-0${1 + (index % 5)}` }));
    }
    const started = performance.now();
    const result = matchAll(
      [line('l1', { amount: '79.00', counterparty: cp, bookingDate: '2026-11-01' })],
      items,
      ruleSet([amountRule({ strategy: 'ONE_TO_MANY', subsetSum: true, requireCounterparty: true, dateWindowDays: { before: 5, after: 5 } })]),
    );
    const elapsed = performance.now() - started;
    // The pool is the 16 nearest in date: the 8 items of the 1st and the 8 of the 2nd. Unbounded, 39.00 + 40.00 (the
    // 4th and 5th) would be the best pair; within the pool no two items reach 79.00, so three are taken.
    const pool = new Set(items.filter((_, index) => index % 5 <= 1).map((entry) => entry.id));
    expect(pool.size).toBe(16);
    expect(result.matches).toHaveLength(1);
    const [match] = result.matches;
    expect(match!.itemIds.every((id) => pool.has(id))).toBe(true);
    expect(match!.itemIds).toHaveLength(3);
    expect(match!.difference).toBe('0.00');
    console.log(`bounded subset search over 40 items: ${elapsed.toFixed(1)} ms`);
  });
});

describe('conflicts beyond one round', () => {
  it('many more equal lines and items than candidates kept per line: all matched, in id order', () => {
    const ids = Array.from({ length: 200 }, (_, index) => String(index).padStart(3, '0'));
    const result = matchAll(
      ids.map((id) => line(`l${id}`)),
      ids.map((id) => item(`i${id}`)),
      ruleSet([amountRule()]),
    );
    expect(result.matches.map((match) => [match.lineIds[0], match.itemIds[0]])).toEqual(ids.map((id) => [`l${id}`, `i${id}`]));
  });
});

describe('input checks', () => {
  const check = (lines: BankLine[], items: OpenItem[]) => {
    try {
      matchAll(lines, items, ruleSet([rule()]));
    } catch (error) {
      expect(error).toBeInstanceOf(MatchingInputError);
      return (error as MatchingInputError).field;
    }
    return undefined;
  };

  it('refuses malformed lines and items, naming the field', () => {
    expect(check([line('l1'), line('l2', { amount: '1.5e3' })], [])).toBe('lines[1].amount');
    expect(check([line('l1', { amount: '10.005' })], [])).toBe('lines[0].amount');
    expect(check([line('l1', { amount: '0.00' })], [])).toBe('lines[0].amount');
    expect(check([line('l1', { currency: 'RUPEE' })], [])).toBe('lines[0].currency');
    expect(check([line('l1', { bookingDate: '2026-02-30' })], [])).toBe('lines[0].bookingDate');
    expect(check([line('l1'), line('l1')], [])).toBe('lines[1].id');
    expect(check([], [item('i1', { kind: 'CHEQUE' as never })])).toBe('items[0].kind');
    expect(check([], [item('i1', { direction: 'IN' as never })])).toBe('items[0].direction');
    expect(check([], [item('i1', { references: { utr: 42 as never } })])).toBe('items[0].references.utr');
    expect(check([line('l1')], [item('i1')])).toBeUndefined();
  });
});
