import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidReference, referenceOf } from '../../../../subgraphs/money-orders/src/orders/reference';
import { dataRowCount, headerProblems, isFinished, progressPercent, rejectionFileName } from './bulk';
import { codeKindOf, phoneProblem, readPayCode } from './codes';
import { allows } from './labels';
import { placed } from './problems';
import { quotableAmount } from './quote';
import { isPublicPath } from '../../app/public-paths';
import { groupReference, luhnCheckDigit, normaliseReference, referenceProblem } from './reference';
import { describeRule, ruleFromDraft } from './tariff-rule';

describe('a money-order reference typed at the counter', () => {
  it('agrees with the server on every reference it issues, and catches every single mistyped digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (serial, position, shift) => {
        const reference = referenceOf('2026-03-31', serial);
        expect(referenceProblem(reference)).toBeUndefined();
        const digit = (Number(reference[position]) + shift) % 10;
        const mistyped = `${reference.slice(0, position)}${digit}${reference.slice(position + 1)}`;
        expect(referenceProblem(mistyped)).toBeDefined();
        expect(isValidReference(mistyped)).toBe(false);
      }),
    );
  });

  it('reads it with the spaces and dashes of a receipt, and says what is wrong', () => {
    const reference = referenceOf('2026-01-05', 42);
    expect(normaliseReference(groupReference(reference))).toBe(reference);
    expect(groupReference(reference).split(' ')).toHaveLength(3);
    expect(referenceProblem(` ${reference.slice(0, 6)}-${reference.slice(6)} `)).toBeUndefined();
    expect(referenceProblem('')).toMatch(/18-digit/);
    expect(referenceProblem('12345')).toMatch(/has 5/);
    expect(referenceProblem('26010500000000042A')).toMatch(/digits only/);
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });
});

describe('the code a payee gives', () => {
  it('is a 6-digit OTP, or for an instant order the 16-digit secret', () => {
    expect(codeKindOf('ELECTRONIC')).toBe('otp');
    expect(codeKindOf('INSTANT')).toBe('secret');
    expect(readPayCode('ELECTRONIC', ' 123 456 ')).toEqual({ ok: true, otp: '123456' });
    expect(readPayCode('INSTANT', '1234 5678 9012 3456')).toEqual({ ok: true, secretCode: '1234567890123456' });
    expect(readPayCode('ELECTRONIC', '1234567890123456').ok).toBe(false);
    expect(readPayCode('INSTANT', '123456').ok).toBe(false);
    expect(readPayCode('ORDINARY', '12a456').ok).toBe(false);
    expect(readPayCode('SERVICE', '').ok).toBe(false);
  });

  it('phones are E.164 by the server\'s rule', () => {
    expect(phoneProblem('+91 98123 45678')).toBeUndefined();
    expect(phoneProblem('9812345678')).toBeDefined();
    expect(phoneProblem('+0123456789')).toBeDefined();
    expect(phoneProblem('')).toBeDefined();
  });
});

describe('the quote as the amount is typed', () => {
  it('asks only for amounts the Decimal scalar reads, above zero', () => {
    expect(quotableAmount('1500')).toBe('1500');
    expect(quotableAmount(' 1,500 ')).toBe('1500');
    expect(quotableAmount('99.50')).toBe('99.50');
    for (const text of ['', '0', '0.00', '-5', '1e3', '12.', 'abc', '1.23456']) expect(quotableAmount(text)).toBeUndefined();
  });
});

describe('what the counter offers for each status', () => {
  it('follows the lifecycle: pay only when available, refund only after a stop, return or expiry', () => {
    expect(allows('AVAILABLE', 'pay')).toBe(true);
    expect(allows('BOOKED', 'pay')).toBe(false);
    expect(allows('PAID', 'stop')).toBe(false);
    expect(allows('LOCKED', 'release')).toBe(true);
    expect(allows('LOCKED', 'return')).toBe(true);
    for (const status of ['STOPPED', 'RETURNED', 'EXPIRED']) expect(allows(status, 'refund')).toBe(true);
    for (const status of ['BOOKED', 'AVAILABLE', 'PAID', 'LOCKED', 'REFUNDED', 'VOID']) expect(allows(status, 'refund')).toBe(false);
  });
});

describe('tariff rules', () => {
  it('are described in words', () => {
    expect(describeRule('{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}', 'INR')).toBe('INR 1 for every INR 20 or part');
    expect(describeRule('{"kind":"SLABS","slabs":[{"upTo":"10000","charge":"75"},{"upTo":"20000","charge":"100"}]}', 'PKR')).toBe('up to PKR 10000: PKR 75; up to PKR 20000: PKR 100');
    expect(describeRule('{"kind":"FREE"}', 'INR')).toBe('No commission');
    expect(describeRule('not json', 'INR')).toBe('not json');
  });

  it('are built from the form, refusing what the server would', () => {
    const draft = { kind: 'PER_UNIT_OR_PART' as const, unit: '20', chargePerUnit: '1', slabsText: '' };
    expect(ruleFromDraft(draft)).toEqual({ ok: true, json: '{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}' });
    expect(ruleFromDraft({ ...draft, unit: '0' })).toMatchObject({ ok: false, field: 'unit' });
    expect(ruleFromDraft({ ...draft, chargePerUnit: '-1' })).toMatchObject({ ok: false, field: 'chargePerUnit' });
    const slabs = { ...draft, kind: 'SLABS' as const, slabsText: '10000, 75\n\n20000, 100\n' };
    expect(ruleFromDraft(slabs)).toEqual({ ok: true, json: '{"kind":"SLABS","slabs":[{"upTo":"10000","charge":"75"},{"upTo":"20000","charge":"100"}]}' });
    expect(ruleFromDraft({ ...slabs, slabsText: '20000, 100\n10000, 75' })).toMatchObject({ ok: false, message: /higher/ });
    expect(ruleFromDraft({ ...slabs, slabsText: '10000' })).toMatchObject({ ok: false, message: /Line 1/ });
    expect(ruleFromDraft({ ...slabs, slabsText: '' })).toMatchObject({ ok: false, field: 'slabs' });
    expect(ruleFromDraft({ ...draft, kind: 'FREE' })).toEqual({ ok: true, json: '{"kind":"FREE"}' });
  });
});

describe('a bulk upload', () => {
  it('reports its progress in whole percent and stops polling when finished', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(10_000, 10_000)).toBe(100);
    expect(progressPercent(12, 10)).toBe(100);
    expect(isFinished('RUNNING')).toBe(false);
    expect(isFinished('QUEUED')).toBe(false);
    expect(isFinished('DONE')).toBe(true);
    expect(isFinished('FAILED')).toBe(true);
  });

  it('checks the header before sending, forgiving a BOM, quotes and case', () => {
    const header = '\uFEFF"Amount",sender_name,sender_phone,sender_address,sender_id_document,payee_name,payee_phone,payee_address,paying_office_code\r\n100,a,b,c,d,e,f,g,h\r\n\r\n';
    expect(headerProblems(header)).toEqual({ missing: [], unknown: [] });
    expect(headerProblems('amount,name\n')).toMatchObject({ unknown: ['name'] });
    expect(headerProblems('amount,name\n').missing).toContain('payee_phone');
    expect(dataRowCount(header)).toBe(1);
    expect(rejectionFileName('Pensions June.csv')).toBe('Pensions_June-rejections.csv');
    expect(rejectionFileName('../../x')).toBe('.._.._x-rejections.csv');
  });
});

describe('where a refusal is shown', () => {
  const problem = (code: string | undefined, field: string | undefined) => ({ message: 'm', code, field, requestId: undefined });

  it('keeps the API\'s field without the input prefix, and places the amount\'s and the code\'s refusals by their code', () => {
    expect(placed([problem('INVALID_PHONE', 'input.sender.phone')])[0]!.field).toBe('sender.phone');
    expect(placed([problem('INVALID_PHONE', 'payee.phone')])[0]!.field).toBe('payee.phone');
    expect(placed([problem('LIMIT_EXCEEDED', undefined)])[0]!.field).toBe('amount');
    expect(placed([problem('WRONG_CODE', undefined)])[0]!.field).toBe('code');
    expect(placed([problem('FORBIDDEN', undefined)])[0]!.field).toBeUndefined();
  });
});

describe('the public pages', () => {
  it('are the tracking page only; everything else is behind the sign-in', () => {
    expect(isPublicPath('/track')).toBe(true);
    expect(isPublicPath('/track/')).toBe(true);
    for (const path of ['/', '/money-orders', '/tracking', '/track/123', '/money-orders/track']) expect(isPublicPath(path)).toBe(false);
  });
});
