import { isPermission } from '@postal/authz';
import { describe, expect, it } from 'vitest';
import {
  APPROVAL_STATUSES,
  canTransition,
  decisionRefusal,
  effectiveStatus,
  expiresAtFor,
  DEFAULT_APPROVAL_TTL_MS,
  type ApprovalStatus,
} from './domain.js';
import { APPROVAL_KIND_REGISTRY, APPROVAL_KINDS } from './kinds.js';

describe('status transitions', () => {
  const allowed = new Set(['PENDING>APPROVED', 'PENDING>REJECTED', 'PENDING>EXPIRED', 'APPROVED>EXECUTED', 'APPROVED>FAILED']);
  const pairs = APPROVAL_STATUSES.flatMap((from) => APPROVAL_STATUSES.map((to) => [from, to] as [ApprovalStatus, ApprovalStatus]));
  it.each(pairs)('%s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});

describe('expiry', () => {
  const created = new Date('2026-03-02T10:00:00Z');
  const expiresAt = expiresAtFor(created, DEFAULT_APPROVAL_TTL_MS);

  it('is seven days after creation by default', () => {
    expect(expiresAt.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('shows an overdue pending request as EXPIRED, and leaves every other status alone', () => {
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(effectiveStatus({ status: 'PENDING', expiresAt }, justBefore)).toBe('PENDING');
    expect(effectiveStatus({ status: 'PENDING', expiresAt }, expiresAt)).toBe('EXPIRED');
    for (const status of ['APPROVED', 'REJECTED', 'EXECUTED', 'FAILED', 'EXPIRED'] as const) {
      expect(effectiveStatus({ status, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe(status);
    }
  });
});

describe('decisionRefusal', () => {
  const now = new Date('2026-03-05T10:00:00Z');
  const later = new Date('2026-03-09T10:00:00Z');
  const base = { maker: { id: 'maker' }, status: 'PENDING' as ApprovalStatus, expiresAt: later };
  const cases: Array<[string, Partial<typeof base>, string, boolean, string | undefined]> = [
    ['another person, pending, intact', {}, 'checker', true, undefined],
    ['the maker', {}, 'maker', true, 'MAKER_CANNOT_APPROVE'],
    ['the maker, even when it has expired', { expiresAt: now }, 'maker', true, 'MAKER_CANNOT_APPROVE'],
    ['an overdue pending request', { expiresAt: now }, 'checker', true, 'APPROVAL_EXPIRED'],
    ['an expired request', { status: 'EXPIRED' }, 'checker', true, 'APPROVAL_EXPIRED'],
    ['an approved request', { status: 'APPROVED' }, 'checker', true, 'APPROVAL_NOT_PENDING'],
    ['a rejected request', { status: 'REJECTED' }, 'checker', true, 'APPROVAL_NOT_PENDING'],
    ['an executed request', { status: 'EXECUTED' }, 'checker', true, 'APPROVAL_NOT_PENDING'],
    ['a tampered payload', {}, 'checker', false, 'PAYLOAD_TAMPERED'],
    ['a tampered payload on a decided request (state first)', { status: 'APPROVED' }, 'checker', false, 'APPROVAL_NOT_PENDING'],
  ];
  it.each(cases)('%s', (_name, change, checkerId, verifies, expected) => {
    expect(decisionRefusal({ ...base, ...change }, checkerId, now, () => verifies)).toBe(expected);
  });
});

describe('the registry of kinds', () => {
  it('covers exactly the kinds of the event catalogue, each with a known permission and a subgraph', () => {
    expect(Object.keys(APPROVAL_KIND_REGISTRY).sort()).toEqual([...APPROVAL_KINDS].sort());
    for (const definition of Object.values(APPROVAL_KIND_REGISTRY)) expect(isPermission(definition.approvePermission)).toBe(true);
    expect(APPROVAL_KIND_REGISTRY.ROLE_GRANT).toEqual({ subgraph: 'administration', approvePermission: 'role.approve' });
  });
});
