import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStatus, ARTICLE_STATUSES as SERVER_STATUSES } from '../../../../subgraphs/cod-settlement/src/articles/domain';
import { s10Of, isValidS10 } from '../../../../subgraphs/cod-settlement/src/articles/s10';
import { DEFAULT_TERMS, termsInput } from './contract-terms';
import { utrProblem as serverUtrProblem } from '../../../../subgraphs/cod-settlement/src/settlement/domain';
import { batchActions, utrProblem } from './batch-labels';
import { groupRows } from './Aging';
import { collectionDiffers, depositDifference, depositNeedsReason, paymentReferenceProblem } from './amounts';
import { articleNumberList, articleNumberProblem, groupArticleNumber, normaliseArticleNumber } from './article-number';
import { codProblems } from './problems';
import { ARTICLE_STATUSES, articleActions, weekdaysLabel } from './labels';
import { errorReportFileName, isManifestFinished, manifestHeaderProblems, manifestRowCount } from './manifest';

describe('an article number typed at the counter', () => {
  it('agrees with the server on every number, valid or mistyped (the S10 check digit maps two sums to 5, so not every slip is caught)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 9 }), (serial, position, shift) => {
        const number = s10Of('EE', String(serial).padStart(8, '0'), 'IN');
        expect(articleNumberProblem(number)).toBeUndefined();
        const digit = (Number(number[position]) + shift) % 10;
        const mistyped = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
        expect(articleNumberProblem(mistyped) === undefined).toBe(isValidS10(mistyped));
      }),
    );
  });

  it('reads it as printed on the label, and says what is wrong', () => {
    expect(normaliseArticleNumber(' ee 123 456 785-in ')).toBe('EE123456785IN');
    expect(articleNumberProblem('ee 123 456 785 in')).toBeUndefined();
    expect(groupArticleNumber('EE123456785IN')).toBe('EE 123 456 785 IN');
    expect(articleNumberProblem('')).toMatch(/Type the article number/);
    expect(articleNumberProblem('EE12345678IN')).toMatch(/2 letters, 9 digits/);
    expect(articleNumberProblem('EE123456784IN')).toMatch(/check digit/);
    // Any slip in the check digit itself is caught.
    expect(articleNumberProblem('EE123456786IN')).toMatch(/check digit/);
  });
});

describe('the deposit at the office', () => {
  it.each([
    ['1500.00', '1500', { kind: 'EXACT' }, false],
    ['1500.00', '1300.00', { kind: 'SHORT', amount: '200.00' }, true],
    ['1500.00', '1500.50', { kind: 'EXCESS', amount: '0.50' }, true],
    ['0.10', '0.3', { kind: 'EXCESS', amount: '0.20' }, true],
  ])('expected %s, deposited %s', (expected, deposited, difference, reason) => {
    expect(depositDifference(expected, deposited)).toEqual(difference);
    expect(depositNeedsReason(depositDifference(expected, deposited))).toBe(reason);
  });

  it('is exact to the paisa on amounts no float holds', () => {
    expect(depositDifference('12345678901234.01', '12345678901234.02')).toEqual({ kind: 'EXCESS', amount: '0.01' });
  });
});

describe('a collection at the door', () => {
  it('differs only when the amounts differ as decimals', () => {
    expect(collectionDiffers('1200.00', '1200')).toBe(false);
    expect(collectionDiffers('1200.00', '1199.99')).toBe(true);
  });

  it('needs the reference its mode needs: none for cash, the RRN for UPI, the approval code for a card', () => {
    expect(paymentReferenceProblem('CASH', '')).toBeUndefined();
    expect(paymentReferenceProblem('CASH', '123')).toMatch(/no payment reference/);
    expect(paymentReferenceProblem('UPI', '123456789012')).toBeUndefined();
    expect(paymentReferenceProblem('UPI', '12345678901')).toMatch(/12-digit/);
    expect(paymentReferenceProblem('CARD', 'a1b2c3')).toBeUndefined();
    expect(paymentReferenceProblem('CARD', 'A1B2C')).toMatch(/6-character/);
  });
});

describe('the actions offered on an article', () => {
  it('are exactly the transitions the server allows', () => {
    expect([...ARTICLE_STATUSES].sort()).toEqual([...SERVER_STATUSES].sort());
    for (const status of SERVER_STATUSES) {
      const actions = articleActions(status);
      expect(actions.outForDelivery, status).toBe(nextStatus(status, 'OUT_FOR_DELIVERY') !== undefined);
      expect(actions.deliver, status).toBe(nextStatus(status, 'DELIVERED') !== undefined);
      expect(actions.fail, status).toBe(nextStatus(status, 'DELIVERY_FAILED') !== undefined);
      expect(actions.rto, status).toBe(nextStatus(status, 'RTO') !== undefined);
      expect(actions.loss, status).toBe(nextStatus(status, 'LOST') !== undefined);
      expect(actions.loss, status).toBe(nextStatus(status, 'DAMAGED') !== undefined);
    }
  });
});

describe('the manifest file', () => {
  it('needs the documented header, and biller_code unless the upload names the biller', () => {
    const header = 'article_number,cod_amount,booking_office,delivery_office\nEE123456785IN,1200,NDGPO,NDGPO\n';
    expect(manifestHeaderProblems(header, true)).toEqual({ missing: [], unknown: [], duplicated: [] });
    expect(manifestHeaderProblems(header, false).missing).toEqual(['biller_code']);
    expect(manifestHeaderProblems('\uFEFFArticle_Number,cod_amount,cod_amount,weight\n', true)).toEqual({
      missing: ['booking_office', 'delivery_office'],
      unknown: ['weight'],
      duplicated: ['cod_amount'],
    });
    expect(manifestRowCount(`${header}\n\n`)).toBe(1);
    expect(isManifestFinished('RUNNING')).toBe(false);
    expect(isManifestFinished('FAILED')).toBe(true);
    expect(errorReportFileName('June sales.csv')).toBe('June_sales-errors.csv');
  });
});

describe('payout weekdays in words', () => {
  it('names a run by its ends and anything else day by day', () => {
    expect(weekdaysLabel([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(weekdaysLabel([5, 1, 3])).toBe('Mon, Wed, Fri');
    expect(weekdaysLabel([2])).toBe('Tue');
    expect(weekdaysLabel([])).toBe('none');
  });
});

describe('contract terms from the form', () => {
  it('sends what was typed, leaves empty terms to the server\'s defaults, and refuses what is not whole days', () => {
    expect(termsInput(DEFAULT_TERMS)).toEqual({
      input: { settlementCycleDays: 8, payoutWeekdays: [1, 2, 3, 4, 5], maxArticleAmount: '50000', disputeWindowDays: 3, bankDetailsHoldDays: 7 },
      problems: [],
    });
    const early = termsInput({ ...DEFAULT_TERMS, settlementCycleDays: '', payoutWeekdays: [5, 1, 5], earlySettlement: true, earlyDays: '2', earlyFeePercent: '1.5', maxArticleAmount: ' ' });
    expect(early.input).toEqual({ payoutWeekdays: [1, 5], earlySettlement: { days: 2, feePercent: '1.5' }, disputeWindowDays: 3, bankDetailsHoldDays: 7 });
    const wrong = termsInput({ ...DEFAULT_TERMS, settlementCycleDays: '2.5', payoutWeekdays: [], disputeWindowDays: '-1' });
    expect(wrong.problems.map((problem) => problem.field)).toEqual(['settlementCycleDays', 'payoutWeekdays', 'disputeWindowDays']);
  });
});

describe('a payout marked paid', () => {
  it('takes no UTR the server would refuse by its length, and every one it accepts', () => {
    for (const utr of ['SBINN12345678901', 'HDFCN1234567890ABCDEFG', 'HDFCRC2026120312345678']) {
      expect(serverUtrProblem(utr)).toBeUndefined();
      expect(utrProblem(utr.toLowerCase())).toBeUndefined();
    }
    expect(utrProblem('')).toMatch(/Type the UTR/);
    expect(utrProblem('SBIN12345')).toMatch(/16 or 22/);
  });

  it('offers submit on drafts only, and cancel until release', () => {
    expect(batchActions('DRAFT')).toEqual({ submit: true, cancel: true });
    expect(batchActions('SUBMITTED')).toEqual({ submit: false, cancel: true });
    expect(batchActions('RELEASED')).toEqual({ submit: false, cancel: false });
  });
});

describe('the aging table', () => {
  it('puts each biller and office on one line with the exact total of its buckets', () => {
    const row = (billerCode: string, bucket: 'D0_2' | 'D3_7', amount: string) => ({ billerCode, officeCode: 'NDGPO', bucket, count: 1, amount: { amount, currency: 'INR' } });
    const groups = groupRows([row('BL000001', 'D0_2', '0.10'), row('BL000001', 'D3_7', '0.20'), row('BL000002', 'D0_2', '5.00')]);
    expect(groups.map((group) => [group.billerCode, group.total.amount, group.buckets.size])).toEqual([['BL000001', '0.30', 2], ['BL000002', '5.00', 1]]);
  });
});

describe('article numbers pasted for a clearing', () => {
  const a = s10Of('EE', '12345678', 'IN');
  const b = s10Of('RR', '00000001', 'IN');
  it('reads one a line, commas and spaces, grouped numbers on their own line, each once', () => {
    expect(articleNumberList(`${a}\n${b}, ${a}\n\n${groupArticleNumber(b)}`)).toEqual({ numbers: [a, b] });
  });
  it('names the first number that is wrong, and refuses an empty list or too many', () => {
    const wrong = `${a.slice(0, 10)}${(Number(a[10]) + 1) % 10}IN`;
    expect(articleNumberList(`${a}\n${wrong}`).problem).toMatch(new RegExp(`^${wrong}: The check digit`));
    expect(articleNumberList(' \n ').problem).toMatch(/List the article numbers/);
    expect(articleNumberList(`${a}\n${b}`, 1).problem).toMatch(/At most 1 articles/);
  });
});

describe('the COD commands\' refusals, in plain words', () => {
  const problem = (code: string, message: string, field?: string) => ({ code, message, field, requestId: undefined });
  it('places a refusal on its field and says what the code means, keeping the facts the API named', () => {
    const [biller] = codProblems([problem('BILLER_NOT_FOUND', 'no biller "BL123456"', 'input.billerCode')]);
    expect(biller).toMatchObject({ field: 'billerCode', message: 'No biller has this code.', code: 'BILLER_NOT_FOUND' });
    const [conflict] = codProblems([problem('ARTICLE_CONFLICT', 'article EE123456785IN is registered with other facts', 'articleNumber')]);
    expect(conflict!.message).toBe('This article number is registered already with other details (biller, amount, offices or booking date). Article EE123456785IN is registered with other facts.');
    const [cash] = codProblems([problem('NOT_CLEARABLE', 'article EE123456785IN was paid in cash: it is due when deposited', 'articleNumbers')]);
    expect(cash!.message).toMatch(/^This collection cannot be cleared.*Article EE123456785IN was paid in cash/);
  });
  it('leaves a code it does not know as the API said it', () => {
    expect(codProblems([problem('SOMETHING_NEW', 'as the API says')])[0]!.message).toBe('as the API says');
  });
});
