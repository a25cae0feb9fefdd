import type { Identity } from '@postal/auth';
import { describe, expect, it } from 'vitest';
import { assertCan, assertHolds, assertPasswordChosen, can, holds, scopeOf } from './index.js';

const clerk = (passwordChangeRequired?: boolean): Identity => ({
  kind: 'staff',
  staffId: 's-1',
  username: 'clerk',
  roles: ['COUNTER_CLERK'],
  officeCode: 'NDGPO',
  officePath: 'DL/DL-NDC/NDGPO',
  grants: [
    { permission: 'ledger.read', scope: 'OWN_OFFICE' },
    { permission: 'office.read', scope: 'SUBTREE' },
  ],
  ...(passwordChangeRequired === undefined ? {} : { passwordChangeRequired }),
});

describe('a session signed in with a temporary password', () => {
  it('holds no permission at all: scope none, can false, lists empty', () => {
    const identity = clerk(true);
    expect(scopeOf(identity, 'ledger.read')).toEqual({ kind: 'none' });
    expect(scopeOf(identity, 'office.read')).toEqual({ kind: 'none' });
    expect(can(identity, 'office.read', 'DL/DL-NDC/NDGPO')).toBe(false);
    expect(holds(identity, 'ledger.read')).toBe(false);
  });

  it('is refused with PASSWORD_CHANGE_REQUIRED, not FORBIDDEN, so the client knows what to do', () => {
    const identity = clerk(true);
    expect(() => assertCan(identity, 'ledger.read', { code: 'NDGPO', path: 'DL/DL-NDC/NDGPO' })).toThrow(
      expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }),
    );
    expect(() => assertHolds(identity, 'office.read')).toThrow(expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }));
    expect(() => assertPasswordChosen(identity)).toThrow(expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }));
  });

  it('keeps its grants once the password is its own', () => {
    for (const identity of [clerk(false), clerk()]) {
      expect(can(identity, 'ledger.read', 'DL/DL-NDC/NDGPO')).toBe(true);
      expect(() => assertCan(identity, 'office.read', 'DL/DL-NDC/NDGPO/NDGPO-CP')).not.toThrow();
      expect(() => assertPasswordChosen(identity)).not.toThrow();
    }
    expect(() => assertCan(clerk(false), 'staff.manage', 'DL/DL-NDC/NDGPO')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
