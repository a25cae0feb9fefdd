import { Decimal } from '@postal/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billerPayableCode, checkDeposit, checkSettlement, entryKey, inLockOrder, movementLegs, type CodMovementLeg } from './rules.js';
import { adjusted, cleared, collected, deposited, payoutFailed, settled } from './test-support/movements.js';

/* The rules as pure functions: which accounts, which sides, and that every entry lies within one office and balances. */

const officeOf = (code: string) => code.split(':')[0]!;
const shape = (legs: CodMovementLeg[]) => legs.map((leg) => [leg.leg, leg.officeCode, leg.postings.map((posting) => `${posting.side === 'DEBIT' ? 'Dr' : 'Cr'} ${posting.accountCode} ${posting.amount}`)]);

function assertWithinOneOfficeAndBalanced(legs: CodMovementLeg[]): void {
  for (const leg of legs) {
    expect(new Set(leg.postings.map((posting) => officeOf(posting.accountCode)))).toEqual(new Set([leg.officeCode]));
    const sum = leg.postings.reduce((total, posting) => (posting.side === 'DEBIT' ? total.plus(posting.amount) : total.minus(posting.amount)), new Decimal(0));
    expect(sum.isZero()).toBe(true);
    expect(leg.postings.every((posting) => new Decimal(posting.amount).greaterThan(0))).toBe(true);
  }
}

describe('the COD posting rules', () => {
  it.each([
    ['cash at the settlement office', collected({ billerCode: 'BL000007', officeCode: 'HO1', settlementOfficeCode: 'HO1', amount: '10.00' }), [['collection', 'HO1', ['Dr HO1:1200 10.00', 'Cr HO1:2200:BL000007 10.00']]]],
    [
      'cash at another office',
      collected({ billerCode: 'BL000007', officeCode: 'BO9', settlementOfficeCode: 'HO1', amount: '10.00' }),
      [
        ['collection', 'BO9', ['Dr BO9:1200 10.00', 'Cr BO9:1600 10.00']],
        ['payable', 'HO1', ['Dr HO1:1600 10.00', 'Cr HO1:2200:BL000007 10.00']],
      ],
    ],
    ['by card, wherever delivered', collected({ billerCode: 'BL000007', officeCode: 'BO9', settlementOfficeCode: 'HO1', mode: 'CARD', amount: '10.00' }), [['collection', 'HO1', ['Dr HO1:1400 10.00', 'Cr HO1:2200:BL000007 10.00']]]],
    ['a deposit short', deposited({ officeCode: 'SO1', expected: '10.00', deposited: '7.00', shortage: '3.00' }), [['deposit', 'SO1', ['Dr SO1:1100 7.00', 'Dr SO1:1300 3.00', 'Cr SO1:1200 10.00']]]],
    ['a deposit over, nothing expected', deposited({ officeCode: 'SO1', expected: '0', deposited: '2.00', excess: '2.00' }), [['deposit', 'SO1', ['Dr SO1:1100 2.00', 'Cr SO1:2400 2.00']]]],
    ['a deposit of nothing', deposited({ expected: '0.00', deposited: '0', shortage: '0', excess: '0.00' }), []],
    ['digital collections cleared', cleared({ billerCode: 'BL000007', amount: '5.00' }), [['clearing', 'HO1', ['Dr HO1:1500 5.00', 'Cr HO1:1400 5.00']]]],
    [
      'a settlement',
      settled({ billerCode: 'BL000007', gross: '100.00', fee: '2.00', tax: '0.36', net: '97.64' }),
      [['settlement', 'HO1', ['Dr HO1:2200:BL000007 100.00', 'Cr HO1:1500 97.64', 'Cr HO1:4200 2.00', 'Cr HO1:2300 0.36']]],
    ],
    ['a settlement eaten by its fee', settled({ billerCode: 'BL000007', gross: '50.00', fee: '42.37', tax: '7.63', net: '0' }), [['settlement', 'HO1', ['Dr HO1:2200:BL000007 50.00', 'Cr HO1:4200 42.37', 'Cr HO1:2300 7.63']]]],
    ['a failed payout (the reversal is the journal\'s)', payoutFailed(settled()), []],
    ['a dispute upheld', adjusted({ billerCode: 'BL000007', amount: '3.00' }), [['adjustment', 'HO1', ['Dr HO1:5100 3.00', 'Cr HO1:2200:BL000007 3.00']]]],
  ])('%s', (_case, payload, expected) => {
    const legs = movementLegs(payload);
    expect(shape(legs)).toEqual(expected);
    assertWithinOneOfficeAndBalanced(legs);
  });

  it.each([
    [
      'short at a branch office: the receivable at its account office, through both offices\' 1600',
      deposited({ officeCode: 'BO9', expected: '10.00', deposited: '7.00', shortage: '3.00' }),
      [
        ['deposit', 'BO9', ['Dr BO9:1100 7.00', 'Dr BO9:1600 3.00', 'Cr BO9:1200 10.00']],
        ['difference', 'SO1', ['Dr SO1:1300 3.00', 'Cr SO1:1600 3.00']],
      ],
    ],
    [
      'over at a branch office: the suspense at its account office',
      deposited({ officeCode: 'BO9', expected: '10.00', deposited: '12.00', excess: '2.00' }),
      [
        ['deposit', 'BO9', ['Dr BO9:1100 12.00', 'Cr BO9:1200 10.00', 'Cr BO9:1600 2.00']],
        ['difference', 'SO1', ['Dr SO1:1600 2.00', 'Cr SO1:2400 2.00']],
      ],
    ],
    ['in full at a branch office: one entry, nothing crosses', deposited({ officeCode: 'BO9', expected: '10.00', deposited: '10.00' }), [['deposit', 'BO9', ['Dr BO9:1100 10.00', 'Cr BO9:1200 10.00']]]],
    ['short where the differences are kept at the office itself', deposited({ officeCode: 'SO1', expected: '10.00', deposited: '9.00', shortage: '1.00' }), [['deposit', 'SO1', ['Dr SO1:1100 9.00', 'Dr SO1:1300 1.00', 'Cr SO1:1200 10.00']]]],
  ])('%s', (_case, payload, expected) => {
    const legs = movementLegs(payload, { differencesAt: 'SO1' });
    expect(shape(legs)).toEqual(expected);
    assertWithinOneOfficeAndBalanced(legs);
  });

  it('refuses amounts that do not add up', () => {
    expect(() => checkDeposit({ expected: '10.00', deposited: '9.00', shortage: '0', excess: '0' })).toThrow(expect.objectContaining({ code: 'COD_AMOUNTS_INCONSISTENT' }));
    expect(() => checkDeposit({ expected: '10.00', deposited: '10.00', shortage: '1.00', excess: '1.00' })).toThrow(/not both/);
    expect(() => checkSettlement({ gross: '10.00', net: '9.00', fee: '0.50', tax: '0.49' })).toThrow(expect.objectContaining({ code: 'COD_AMOUNTS_INCONSISTENT' }));
    expect(() => checkSettlement({ gross: '10', net: '9.00', fee: '0.50', tax: '0.5' })).not.toThrow();
  });

  it('keys each entry by movement and leg, and names the biller\'s payable by office, head and biller', () => {
    expect(entryKey('7b0e4b0e-0000-4000-8000-000000000001', 'payable')).toBe('cod/7b0e4b0e-0000-4000-8000-000000000001/payable');
    expect(billerPayableCode('NDGPO', 'BL123456')).toBe('NDGPO:2200:BL123456');
  });

  it('posts legs in the order of their account codes, whatever the office codes (HO10 before HO1: "0" < ":")', () => {
    const legs = (d: string, s: string) => inLockOrder(movementLegs(collected({ officeCode: d, settlementOfficeCode: s }))).map((leg) => leg.officeCode);
    expect(legs('HO1', 'HO10')).toEqual(['HO10', 'HO1']);
    expect(legs('HO10', 'HO1')).toEqual(['HO10', 'HO1']);
    expect(legs('A', 'B')).toEqual(['A', 'B']);
    const codes = (d: string, s: string) => inLockOrder(movementLegs(collected({ officeCode: d, settlementOfficeCode: s }))).flatMap((leg) => leg.postings.map((posting) => posting.accountCode).sort());
    for (const [d, s] of [['HO1', 'HO10'], ['HO10', 'HO1'], ['X-1', 'X'], ['X', 'X.1']]) {
      const order = codes(d!, s!);
      expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('makes entries that each lie within one office and balance, for any amounts and offices', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 }).map((paise) => new Decimal(paise).dividedBy(100).toFixed(2));
    const positive = fc.integer({ min: 1, max: 10_000_000 }).map((paise) => new Decimal(paise).dividedBy(100).toFixed(2));
    const office = fc.constantFrom('HO1', 'HO10', 'SO1', 'BO-7', 'X.Y');
    fc.assert(
      fc.property(office, office, positive, fc.constantFrom('CASH', 'UPI', 'CARD') as fc.Arbitrary<'CASH' | 'UPI' | 'CARD'>, amount, amount, (d, s, value, mode, fee, tax) => {
        assertWithinOneOfficeAndBalanced(movementLegs(collected({ officeCode: d, settlementOfficeCode: s, mode, amount: value })));
        const gross = new Decimal(value).plus(fee).plus(tax).toFixed(2);
        assertWithinOneOfficeAndBalanced(movementLegs(settled({ settlementOfficeCode: s, gross, net: value, fee, tax })));
        const shortage = new Decimal(fee).greaterThan(tax) ? new Decimal(fee).minus(tax).toFixed(2) : '0';
        const excess = new Decimal(tax).greaterThan(fee) ? new Decimal(tax).minus(fee).toFixed(2) : '0';
        assertWithinOneOfficeAndBalanced(movementLegs(deposited({ officeCode: d, expected: fee, deposited: tax, shortage, excess })));
      }),
      { numRuns: 300 },
    );
  });
});
