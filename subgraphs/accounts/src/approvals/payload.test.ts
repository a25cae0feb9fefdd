import { createHash } from 'node:crypto';
import { approvalPayloadMac } from '@postal/auth';
import { canonicalJson } from '@postal/events';
import { describe, expect, it } from 'vitest';
import type { PostEntryCommand } from '../journal/model.js';
import { MAX_SUMMARY_LENGTH, commandOf, parseManualJournalPayload, payloadIntact, postPayload, postSummary, reversePayload, reverseSummary } from './payload.js';

const command: PostEntryCommand = {
  idempotencyKey: 'mj-2026-11-22-001',
  officeCode: 'NDGPO',
  effectiveDate: null,
  description: 'Cash short at counter 3, recovered from the clerk',
  source: { type: 'MANUAL' },
  postings: [
    { accountCode: 'NDGPO:1300', side: 'DEBIT', amount: '1050.00' },
    { accountCode: 'NDGPO:1100', side: 'CREDIT', amount: '1050.00' },
  ],
};

/** What administration's inbox accepts (approvals/payload.ts there): the walk is the same rule, restated. */
function inboxAccepts(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.every(inboxAccepts);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(inboxAccepts);
  return false;
}

describe('the MANUAL_JOURNAL payload', () => {
  it('fixes the business date when left out, carries amounts as strings and absent options as null', () => {
    const payload = postPayload(command, '2026-11-22');
    expect(payload).toEqual({
      operation: 'POST',
      command: {
        idempotencyKey: 'mj-2026-11-22-001',
        officeCode: 'NDGPO',
        effectiveDate: '2026-11-22',
        description: 'Cash short at counter 3, recovered from the clerk',
        source: { type: 'MANUAL', reference: null },
        postings: [
          { accountCode: 'NDGPO:1300', side: 'DEBIT', amount: '1050.00' },
          { accountCode: 'NDGPO:1100', side: 'CREDIT', amount: '1050.00' },
        ],
      },
    });
    expect(inboxAccepts(payload)).toBe(true);
    // A date the maker gave is kept.
    expect(postPayload({ ...command, effectiveDate: '2026-11-20' }, '2026-11-22').command.effectiveDate).toBe('2026-11-20');
  });

  it('survives JSON (and jsonb) unchanged, so its MAC still verifies after the round trip, and only its MAC', () => {
    const payload = postPayload({ ...command, postings: [...command.postings.slice(0, 1), { ...command.postings[1]!, currency: 'INR' }] }, '2026-11-22');
    const travelled = JSON.parse(JSON.stringify(payload)) as unknown;
    expect(travelled).toEqual(payload);
    const secret = 'payload-test-identity-secret-0123456789';
    const mac = approvalPayloadMac(secret, 'MANUAL_JOURNAL', payload);
    expect(payloadIntact(secret, 'MANUAL_JOURNAL', travelled, mac)).toBe(true);
    expect(payloadIntact(secret, 'MANUAL_JOURNAL', travelled, createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex'))).toBe(false);
  });

  it('reads back to the command the ledger posts', () => {
    const parsed = parseManualJournalPayload(JSON.parse(JSON.stringify(postPayload(command, '2026-11-22'))));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.payload.operation !== 'POST') throw new Error('not a POST');
    expect(commandOf(parsed.payload)).toEqual({ ...command, effectiveDate: '2026-11-22', source: { type: 'MANUAL', reference: null } });
  });

  it('has a REVERSE form', () => {
    const payload = reversePayload({ entryId: '0c6a1f8e-3b2d-4c5e-9f7a-1b2c3d4e5f60', reason: 'posted twice', idempotencyKey: 'rev-1' });
    expect(parseManualJournalPayload(payload)).toEqual({ ok: true, payload });
    expect(inboxAccepts(payload)).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['another shape (what the inbox scenario submits)', { lines: [{ account: 'NDGPO:4100', debit: '15.00' }] }, /operation/],
    ['an unknown operation', { operation: 'DELETE', entryId: 'x' }, /operation/],
    ['a key the executor would not act on', { ...postPayload(command, '2026-11-22'), note: 'and also pay me' }, /note|Unrecognized/i],
    ['an amount as a number', { operation: 'POST', command: { ...postPayload(command, '2026-11-22').command, postings: [{ accountCode: 'a', side: 'DEBIT', amount: 10 }, command.postings[1]] } }, /postings\.0\.amount/],
    ['one posting', { operation: 'POST', command: { ...postPayload(command, '2026-11-22').command, postings: [command.postings[0]] } }, /postings/],
    ['no business date', { operation: 'POST', command: { ...postPayload(command, '2026-11-22').command, effectiveDate: null } }, /effectiveDate/],
    ['a reversal of no entry', { operation: 'REVERSE', entryId: 'not-a-uuid', reason: 'x', idempotencyKey: 'k' }, /entryId/],
  ])('refuses %s, naming where', (_case, value, where) => {
    const parsed = parseManualJournalPayload(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(where);
  });
});

describe('the inbox summary', () => {
  const currencyOf = () => 'INR';

  it('says where, when, how much, how many postings, and what for', () => {
    expect(postSummary(postPayload(command, '2026-11-22').command, currencyOf)).toBe(
      'Manual journal at NDGPO, 2026-11-22: 1,050.00 INR, 2 postings — Cash short at counter 3, recovered from the clerk',
    );
  });

  it('sums the debits per currency in the Indian grouping', () => {
    const big = postPayload(
      {
        ...command,
        postings: [
          { accountCode: 'A:1', side: 'DEBIT', amount: '100000' },
          { accountCode: 'A:2', side: 'DEBIT', amount: '2345.5' },
          { accountCode: 'A:3', side: 'CREDIT', amount: '102345.50' },
          { accountCode: 'U:1', side: 'DEBIT', amount: '10' },
          { accountCode: 'U:2', side: 'CREDIT', amount: '10' },
        ],
      },
      '2026-11-22',
    ).command;
    expect(postSummary(big, (code) => (code.startsWith('U') ? 'USD' : 'INR'))).toBe(
      'Manual journal at NDGPO, 2026-11-22: 1,02,345.50 INR + 10.00 USD, 5 postings — Cash short at counter 3, recovered from the clerk',
    );
  });

  it('fits the inbox limit, cutting the description rather than the facts', () => {
    const summary = postSummary(postPayload({ ...command, description: `${'x'.repeat(499)}😀` }, '2026-11-22').command, currencyOf);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary).toMatch(/^Manual journal at NDGPO, 2026-11-22: 1,050.00 INR, 2 postings — x+…$/);
    // Whitespace in a description is folded, so the line stays one line.
    expect(postSummary(postPayload({ ...command, description: 'two\n  lines' }, '2026-11-22').command, currencyOf)).toMatch(/— two lines$/);
  });

  it('names a reversal, its entry and the reason', () => {
    expect(reverseSummary({ entryId: 'e-1', officeCode: 'NDGPO', description: 'Stamp sales', reason: 'keyed twice' })).toBe(
      'Reversal of journal entry e-1 at NDGPO (Stamp sales) — keyed twice',
    );
  });
});
