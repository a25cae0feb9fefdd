import type { Identity } from '@postal/auth';
import { describe, expect, it } from 'vitest';
import { changesOf, checkedFilter, seesRecordsWithoutOffice } from './domain.js';

const staff = (officePath: string, grants: Array<{ permission: string; scope: 'SUBTREE' | 'OWN_OFFICE' }>): Identity => ({
  kind: 'staff',
  staffId: 's',
  username: 'u',
  roles: [],
  officeCode: officePath.split('/').at(-1)!,
  officePath,
  grants,
});

describe('who sees records that name no office', () => {
  const cases: Array<[string, Identity, boolean]> = [
    ['an auditor of a whole circle', staff('DL', [{ permission: 'audit.read', scope: 'SUBTREE' }]), true],
    ['an auditor of a division', staff('DL/DL-NDC', [{ permission: 'audit.read', scope: 'SUBTREE' }]), false],
    ['a circle officer who may read the audit trail of their own office only', staff('DL', [{ permission: 'audit.read', scope: 'OWN_OFFICE' }]), false],
    ['a circle officer without audit.read', staff('DL', [{ permission: 'office.read', scope: 'SUBTREE' }]), false],
    ['a service', { kind: 'service', service: 'accounts' }, true],
    ['an anonymous caller', { kind: 'anonymous' }, false],
  ];
  it.each(cases)('%s: %s', (_name, identity, expected) => {
    expect(seesRecordsWithoutOffice(identity)).toBe(expected);
  });
});

describe('checkedFilter', () => {
  it('drops blanks, trims, lower-cases the username and keeps the range', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(checkedFilter({ actor: ' Admin ', action: '', target: null, officeCode: 'NDGPO', from })).toEqual({ actor: 'admin', officeCode: 'NDGPO', from });
    expect(checkedFilter(null)).toEqual({});
  });

  it('refuses an empty or backward range and an over-long value, naming the field', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(() => checkedFilter({ from: at, to: at })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'to' }));
    expect(() => checkedFilter({ action: 'A'.repeat(201) })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'action' }));
  });
});

describe('changesOf', () => {
  it('lines the summaries up field by field, values as JSON text', () => {
    expect(changesOf({ name: 'A', shifts: { morning: true } }, { name: 'B', pin: '110001' })).toEqual([
      { field: 'name', before: '"A"', after: '"B"' },
      { field: 'pin', before: null, after: '"110001"' },
      { field: 'shifts', before: '{"morning":true}', after: null },
    ]);
    expect(changesOf(null, null)).toEqual([]);
    expect(changesOf(null, { x: null })).toEqual([{ field: 'x', before: null, after: 'null' }]);
  });
});
