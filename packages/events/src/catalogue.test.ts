import {
  CONSUMER_QUEUES,
  EVENT_TYPES,
  UnknownEventTypeError,
  consumersOf,
  newEvent,
  parseEvent,
  parsePayload,
  type AuditRecordedPayload,
  type OfficeCreatedPayload,
  type OfficeUpdatedPayload,
} from '@postal/events';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';

const login: AuditRecordedPayload = {
  actor: { kind: 'staff', id: 'u-1', username: 'asha', roles: ['CLERK'], officeCode: 'BLR-HO' },
  action: 'LOGIN_SUCCEEDED',
  outcome: 'SUCCESS',
  clientAddress: '10.0.0.7',
};

const office: OfficeCreatedPayload = {
  code: 'BLR-HO',
  name: 'Bengaluru GPO',
  type: 'HEAD_OFFICE',
  parentCode: 'BLR',
  path: 'KA/BLR/BLR-HO',
};

describe('the event catalogue', () => {
  it('lists the event types and routes each to its consumer queues', () => {
    expect([...EVENT_TYPES].sort()).toEqual([
      'approval.decided',
      'approval.executed',
      'audit.recorded',
      'cod.movement',
      'cod.movement-posted',
      'money-order.movement',
      'money-order.movement-posted',
      'office.created',
      'office.updated',
    ]);
    expect(consumersOf('audit.recorded')).toEqual(['administration.audit']);
    expect(consumersOf('office.created')).toEqual(['accounts.office-events', 'money-orders.office-events', 'cod-settlement.office-events']);
    expect(consumersOf('office.updated')).toEqual(['accounts.office-events', 'money-orders.office-events', 'cod-settlement.office-events']);
    expect(consumersOf('approval.decided')).toEqual(['administration.approvals', 'accounts.approvals', 'money-orders.approvals', 'cod-settlement.approvals']);
    expect(consumersOf('approval.executed')).toEqual(['administration.approval-results']);
    expect(consumersOf('money-order.movement')).toEqual(['accounts.money-orders']);
    expect(consumersOf('money-order.movement-posted')).toEqual(['money-orders.ledger-results']);
    expect(consumersOf('cod.movement')).toEqual(['accounts.cod']);
    expect(consumersOf('cod.movement-posted')).toEqual(['cod-settlement.ledger-results']);
    expect([...CONSUMER_QUEUES].sort()).toEqual([
      'accounts.approvals',
      'accounts.cod',
      'accounts.money-orders',
      'accounts.office-events',
      'administration.approval-results',
      'administration.approvals',
      'administration.audit',
      'cod-settlement.approvals',
      'cod-settlement.ledger-results',
      'cod-settlement.office-events',
      'money-orders.approvals',
      'money-orders.ledger-results',
      'money-orders.office-events',
    ]);
  });

  it('refuses an unknown type instead of routing it nowhere', () => {
    expect(() => consumersOf('office.deleted')).toThrow(UnknownEventTypeError);
    expect(() => parsePayload('office.deleted', {})).toThrow(UnknownEventTypeError);
    // A key of Object.prototype is not an event type either.
    expect(() => consumersOf('toString')).toThrow(UnknownEventTypeError);
  });
});

describe('newEvent', () => {
  it('wraps a valid payload in an envelope with a v4 id, an ISO instant, the source and the request id', () => {
    const before = Date.now();
    const event = newEvent('audit.recorded', login, { source: 'administration', requestId: 'req-42' });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(before);
    expect(event).toMatchObject({ type: 'audit.recorded', source: 'administration', requestId: 'req-42', payload: login });
    expect(newEvent('audit.recorded', login, { source: 'administration' }).id).not.toBe(event.id);
  });

  it('leaves requestId out when there is none, so the envelope survives a JSON round trip unchanged', () => {
    const event = newEvent('office.created', office, { source: 'administration' });
    expect('requestId' in event).toBe(false);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('accepts a top-level office with no parent', () => {
    const circle = { code: 'KA', name: 'Karnataka Circle', type: 'CIRCLE', parentCode: null, path: 'KA' } as const;
    expect(newEvent('office.created', circle, { source: 'administration' }).payload).toEqual(circle);
  });

  it("carries the office's opening date, and still takes an older producer's event without one", () => {
    expect(newEvent('office.created', { ...office, openedOn: '2015-04-01' }, { source: 'administration' }).payload.openedOn).toBe('2015-04-01');
    expect(newEvent('office.created', office, { source: 'administration' }).payload.openedOn).toBeUndefined();
  });

  it('strips keys the schema does not know, so older consumers accept newer producers', () => {
    const parsed = parsePayload('audit.recorded', { ...login, addedLater: true });
    expect(parsed).toEqual(login);
  });

  const invalidAudits: Array<[string, unknown]> = [
    ['an unknown outcome', { ...login, outcome: 'MAYBE' }],
    ['an unknown actor kind', { ...login, actor: { kind: 'robot' } }],
    ['no actor', { action: 'LOGIN_FAILED', outcome: 'FAILURE' }],
    ['an action that is not SCREAMING_SNAKE_CASE', { ...login, action: 'login succeeded' }],
    ['an empty action', { ...login, action: '' }],
    ['a target without an id', { ...login, target: { type: 'office' } }],
    ['before that is not a record', { ...login, before: ['x'] }],
  ];
  it.each(invalidAudits)('refuses an audit.recorded payload with %s', (_name, payload) => {
    expect(() => newEvent('audit.recorded', payload as AuditRecordedPayload, { source: 'administration' })).toThrow(ZodError);
  });

  const invalidOffices: Array<[string, Partial<Record<keyof OfficeCreatedPayload, unknown>>]> = [
    ['an unknown office type', { type: 'POST_BOX' }],
    ['a path that does not end with the code', { path: 'KA/BLR/OTHER' }],
    ['a parent that is not the previous path segment', { parentCode: 'KA' }],
    ['a parent on a one-segment path', { path: 'BLR-HO' }],
    ['no parent on a longer path', { parentCode: null }],
    ['an empty path segment', { path: '/BLR/BLR-HO' }],
    ['a code containing the path separator', { code: 'BLR/HO', path: 'KA/BLR/BLR/HO', parentCode: 'BLR' }],
    ['a missing name', { name: undefined }],
    ['an opening date that is not a date', { openedOn: '2015-02-30' }],
  ];
  it.each(invalidOffices)('refuses an office.created payload with %s', (_name, change) => {
    const payload = { ...office, ...change } as OfficeCreatedPayload;
    expect(() => newEvent('office.created', payload, { source: 'administration' })).toThrow(ZodError);
  });
});

describe('parseEvent', () => {
  it('checks the envelope as well as the payload', () => {
    const event = newEvent('office.created', office, { source: 'administration' });
    expect(() => parseEvent({ ...event, id: 'not-a-uuid' })).toThrow(ZodError);
    expect(() => parseEvent({ ...event, occurredAt: 'yesterday' })).toThrow(ZodError);
    expect(() => parseEvent({ ...event, source: '' })).toThrow(ZodError);
    expect(() => parseEvent({ ...event, payload: { ...office, type: 'KIOSK' } })).toThrow(ZodError);
    expect(() => parseEvent({ ...event, type: 'office.renamed' })).toThrow(UnknownEventTypeError);
  });
});

describe('office.updated', () => {
  const moved: OfficeUpdatedPayload = {
    code: 'BLR-HO',
    name: 'Bengaluru GPO',
    type: 'HEAD_OFFICE',
    parentCode: 'BLR2',
    path: 'KA/BLR2/BLR-HO',
    previousPath: 'KA/BLR/BLR-HO',
    accountOfficeCode: null,
    status: 'ACTIVE',
    version: 3,
  };

  it('carries the state after the change, its version and the path before it', () => {
    expect(newEvent('office.updated', moved, { source: 'administration' }).payload).toEqual(moved);
  });

  const invalid: Array<[string, Partial<Record<keyof OfficeUpdatedPayload, unknown>>]> = [
    ['a previous path of another office', { previousPath: 'KA/BLR/OTHER' }],
    ['version 1, which is the creation', { version: 1 }],
    ['an unknown status', { status: 'DORMANT' }],
    ['a parent that is not the previous path segment', { parentCode: 'BLR' }],
  ];
  it.each(invalid)('refuses a payload with %s', (_name, change) => {
    expect(() => newEvent('office.updated', { ...moved, ...change } as OfficeUpdatedPayload, { source: 'administration' })).toThrow(ZodError);
  });
});

describe('approval.decided and approval.executed', () => {
  const decided = {
    requestId: '0b6f3f1e-3b8e-4a53-9d7a-8d4e0a1f2b3c',
    kind: 'MANUAL_JOURNAL',
    subgraph: 'accounts',
    decision: 'APPROVED',
    payload: { lines: [] },
    payloadHash: 'a'.repeat(64),
    officeCode: 'NDGPO',
    maker: { id: 'u-1', username: 'finance' },
    checker: { id: 'u-2', username: 'finance2' },
    decidedAt: '2026-03-02T10:00:00.000Z',
  } as const;

  it('carries what an owner needs to execute exactly the approved payload', () => {
    expect(newEvent('approval.decided', decided, { source: 'administration' }).payload).toEqual(decided);
    const { checker: _checker, ...expired } = decided;
    expect(newEvent('approval.decided', { ...expired, decision: 'EXPIRED' }, { source: 'administration' }).payload).not.toHaveProperty('checker');
  });

  const invalid: Array<[string, Record<string, unknown>]> = [
    ['an unknown kind', { kind: 'FREE_MONEY' }],
    ['a hash that is not SHA-256 hex', { payloadHash: 'ABC' }],
    ['a payload that is not an object', { payload: ['x'] }],
    ['an unknown decision', { decision: 'MAYBE' }],
  ];
  it.each(invalid)('refuses a decision with %s', (_name, change) => {
    expect(() => newEvent('approval.decided', { ...decided, ...change } as never, { source: 'administration' })).toThrow(ZodError);
  });

  it('refuses a result report with an unknown outcome', () => {
    const report = { requestId: decided.requestId, kind: 'MANUAL_JOURNAL', payloadHash: decided.payloadHash, outcome: 'EXECUTED', result: {}, executedAt: decided.decidedAt } as const;
    expect(newEvent('approval.executed', report, { source: 'accounts' }).payload).toEqual(report);
    expect(() => newEvent('approval.executed', { ...report, outcome: 'DONE' } as never, { source: 'accounts' })).toThrow(ZodError);
  });
});
