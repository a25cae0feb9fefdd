import { describe, expect, it } from 'vitest';
import { indianPaymentReference, isIndianPaymentReference } from './references.js';

describe('Indian payment references', () => {
  it.each([
    ['SBINN52026113012345678', true, 'NEFT UTR, 22 characters'],
    ['SBINN12345678901', true, 'NEFT UTR before 2024, 16 characters'],
    ['HDFCR52026113000000042', true, 'RTGS UTR'],
    ['412345678901', true, 'UPI/IMPS RRN'],
    ['41234567890', false, 'eleven digits'],
    ['4123456789012', false, 'thirteen digits'],
    ['SBIN000000000001', false, 'a bank reference without the N of NEFT'],
    ['sbinn52026113012345678', false, 'lower case is not a UTR as written'],
  ])('%s is %s (%s)', (value, expected) => {
    expect(isIndianPaymentReference(value)).toBe(expected);
  });

  it('takes the first field holding one, in the order TxId, end-to-end id, bank reference, owner reference', () => {
    expect(indianPaymentReference({ transactionId: 'NOTPROVIDED', endToEndId: '412345678901', accountServicerReference: 'HDFCR52026113000000042' })).toBe('412345678901');
    expect(indianPaymentReference({ accountServicerReference: 'hdfcr52026113000000042' })).toBe('HDFCR52026113000000042');
  });

  it('takes the whole UTR from the narration when a field holds only its first 16 characters', () => {
    expect(indianPaymentReference({ accountServicerReference: 'HDFCN52026121400' }, 'NEFT HDFCN52026121400000077 COD')).toBe('HDFCN52026121400000077');
    expect(indianPaymentReference({ accountServicerReference: 'HDFCN52026121400' }, 'NEFT SBINN52026121400000077 COD')).toBe('HDFCN52026121400');
  });

  it('finds a labelled one in the narration, and a NEFT/RTGS-shaped token without a label, but not a bare 12-digit number', () => {
    expect(indianPaymentReference({}, 'NEFT CR-SBIN0000691-KHADI HAAT-UTR: SBINN52026113012345678')).toBe('SBINN52026113012345678');
    expect(indianPaymentReference({}, 'UPI/RRN 412345678901/razorpay')).toBe('412345678901');
    expect(indianPaymentReference({}, 'RTGS HDFCR52026113000000042 COD REMITTANCE')).toBe('HDFCR52026113000000042');
    expect(indianPaymentReference({}, 'invoice 412345678901 paid')).toBeUndefined();
    expect(indianPaymentReference({})).toBeUndefined();
  });
});
