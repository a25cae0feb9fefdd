import type { SignedRequestContext } from '@postal/auth';
import { parseEvent } from '@postal/events';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditActor, auditEvent, changeSummary, MAX_SUMMARY_FIELDS } from './audit.js';

const staffContext: SignedRequestContext = {
  identity: {
    kind: 'staff',
    staffId: 'b3c1f1de-0000-4000-8000-000000000001',
    username: 'finance',
    roles: ['FINANCE_OFFICER'],
    officeCode: 'DL-NDC',
    officePath: 'DL/DL-NDC',
    grants: [],
  },
  requestId: 'req-7',
  clientAddress: '10.1.2.3',
};

describe('auditEvent, the shared builder every subgraph uses', () => {
  it('builds an audit.recorded event from the named subgraph with the signed caller, request id and client address', () => {
    const event = auditEvent('money-orders', staffContext, {
      action: 'MONEY_ORDER_BOOKED',
      outcome: 'SUCCESS',
      target: { type: 'MoneyOrder', id: 'MO-1' },
      officeCode: 'NDGPO',
      after: { amount: '1000.00' },
    });
    expect(event).toMatchObject({
      type: 'audit.recorded',
      source: 'money-orders',
      requestId: 'req-7',
      payload: {
        actor: { kind: 'staff', id: staffContext.identity.kind === 'staff' ? staffContext.identity.staffId : '', username: 'finance', roles: ['FINANCE_OFFICER'], officeCode: 'DL-NDC' },
        action: 'MONEY_ORDER_BOOKED',
        requestId: 'req-7',
        clientAddress: '10.1.2.3',
        after: { amount: '1000.00' },
      },
    });
    // It survives the queue's JSON round trip as a valid event.
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('takes an explicit actor (a login names who tried) and leaves the client address out when there is none', () => {
    const event = auditEvent('administration', { identity: { kind: 'anonymous' }, requestId: 'r', clientAddress: undefined }, {
      actor: { kind: 'anonymous', username: 'ghost' },
      action: 'LOGIN_FAILED',
      outcome: 'FAILURE',
    });
    expect(event.payload.actor).toEqual({ kind: 'anonymous', username: 'ghost' });
    expect('clientAddress' in event.payload).toBe(false);
  });

  it('refuses a record the catalogue refuses, and a missing source', () => {
    expect(() => auditEvent('accounts', staffContext, { action: 'not screaming', outcome: 'SUCCESS' })).toThrow(ZodError);
    expect(() => auditEvent('', staffContext, { action: 'X', outcome: 'SUCCESS' })).toThrow(/subgraph/);
  });

  it('names services and anonymous callers as such', () => {
    expect(auditActor({ identity: { kind: 'service', service: 'accounts' }, requestId: 'r', clientAddress: undefined })).toEqual({ kind: 'service', id: 'accounts' });
    expect(auditActor({ identity: { kind: 'anonymous' }, requestId: 'r', clientAddress: undefined })).toEqual({ kind: 'anonymous' });
  });
});

describe('changeSummary', () => {
  const cases: Array<[string, Record<string, unknown> | null, Record<string, unknown> | null, ReturnType<typeof changeSummary>]> = [
    ['keeps only the fields that changed', { name: 'A', pin: '110001' }, { name: 'B', pin: '110001' }, { before: { name: 'A' }, after: { name: 'B' } }],
    ['compares nested values structurally', { shifts: { morning: true } }, { shifts: { morning: true } }, {}],
    ['shows a field that appeared only after', { name: 'A' }, { name: 'A', phone: '011' }, { after: { phone: '011' } }],
    ['shows a field that went away only before', { name: 'A', phone: '011' }, { name: 'A' }, { before: { phone: '011' } }],
    ['treats undefined as absent', { name: 'A', phone: undefined }, { name: 'A' }, {}],
    ['a creation has only an after', null, { code: 'X' }, { after: { code: 'X' } }],
    ['a removal has only a before', { code: 'X' }, null, { before: { code: 'X' } }],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(changeSummary(before, after)).toEqual(expected);
  });

  it('refuses a summary of more fields than its limit', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_SUMMARY_FIELDS + 1 }, (_, i) => [`f${i}`, i]));
    expect(() => changeSummary({}, many)).toThrow(RangeError);
  });
});
