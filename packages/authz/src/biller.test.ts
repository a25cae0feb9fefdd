import type { Identity } from '@postal/auth';
import { sql } from 'drizzle-orm';
import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, assertBillerSelf, assertCan, assertHolds, billerScope, can, holds, scopeCondition, scopeOf } from './index.js';

type StaffIdentity = Extract<Identity, { kind: 'staff' }>;

/** seller.demo as login makes them: the BILLER role's one grant, bound to BL000001, at the office that manages them. */
const seller = (overrides: Partial<StaffIdentity> = {}): StaffIdentity => ({
  kind: 'staff',
  staffId: 's-9',
  username: 'seller.demo',
  roles: ['BILLER'],
  officeCode: 'NDGPO',
  officePath: 'DL/DL-NDC/NDGPO',
  grants: [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' }],
  billerCode: 'BL000001',
  passwordChangeRequired: false,
  ...overrides,
});

const financeOfficer: StaffIdentity = {
  kind: 'staff',
  staffId: 's-2',
  username: 'finance',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'DL-NDC',
  officePath: 'DL/DL-NDC',
  grants: PERMISSIONS.map((permission) => ({ permission, scope: 'SUBTREE' as const })),
};
const service: Identity = { kind: 'service', service: 'cod-settlement' };
const codeOf = (work: () => void): string => {
  try {
    work();
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
};

describe('billerScope', () => {
  it('is the bound biller for a biller’s person holding cod.biller.self', () => {
    expect(billerScope(seller())).toEqual({ billerCode: 'BL000001' });
  });

  it('is null for everyone else: staff (whatever they hold), services, anonymous callers', () => {
    expect(billerScope(financeOfficer)).toBeNull();
    expect(billerScope(service)).toBeNull();
    expect(billerScope({ kind: 'anonymous' })).toBeNull();
  });

  it('is null without the grant, without a binding (or a malformed one), and for a temporary-password session', () => {
    expect(billerScope(seller({ grants: [] }))).toBeNull();
    expect(billerScope(seller({ billerCode: undefined }))).toBeNull();
    expect(billerScope(seller({ billerCode: 'bl000001' }))).toBeNull();
    expect(billerScope(seller({ passwordChangeRequired: true }))).toBeNull();
  });
});

describe('assertBillerSelf', () => {
  it('lets a biller’s person act for their own biller only', () => {
    expect(codeOf(() => assertBillerSelf(seller(), 'BL000001'))).toBe('OK');
    expect(codeOf(() => assertBillerSelf(seller(), 'BL000002'))).toBe('FORBIDDEN');
  });

  it.each([
    ['a finance officer holding every permission over the subtree', financeOfficer, 'FORBIDDEN'],
    ['a service', service, 'FORBIDDEN'],
    ['a BILLER without a binding', seller({ billerCode: undefined }), 'FORBIDDEN'],
    ['a bound person without the grant (BILLER not yet granted)', seller({ roles: [], grants: [] }), 'FORBIDDEN'],
    ['a temporary-password session', seller({ passwordChangeRequired: true }), 'PASSWORD_CHANGE_REQUIRED'],
    ['an anonymous caller', { kind: 'anonymous' } as Identity, 'UNAUTHENTICATED'],
  ])('refuses %s', (_who, identity, code) => {
    expect(codeOf(() => assertBillerSelf(identity, 'BL000001'))).toBe(code);
  });
});

describe('a biller’s person at an office', () => {
  const paths = ['DL/DL-NDC/NDGPO', 'DL/DL-NDC/NDGPO/NDGPO-CP', 'DL', 'DL/DL-NWD/ASVHO'];

  it('is refused by every office-scoped check, for every permission, at their own office and anywhere else', () => {
    // Even a grant stored with the widest scope: a biller's permission names no office.
    for (const identity of [seller(), seller({ grants: [{ permission: 'cod.biller.self', scope: 'SUBTREE' }] })]) {
      for (const permission of PERMISSIONS) {
        expect(scopeOf(identity, permission), permission).toEqual({ kind: 'none' });
        for (const path of paths) {
          expect(can(identity, permission, path), `${permission} at ${path}`).toBe(false);
          expect(codeOf(() => assertCan(identity, permission, path)), `${permission} at ${path}`).toBe('FORBIDDEN');
        }
        if (permission !== 'cod.biller.self') expect(codeOf(() => assertHolds(identity, permission)), permission).toBe('FORBIDDEN');
      }
    }
  });

  it('holds cod.biller.self (so a biller-facing list can tell FORBIDDEN from empty), and nothing else', () => {
    expect(PERMISSIONS.filter((permission) => holds(seller(), permission))).toEqual(['cod.biller.self']);
    expect(holds(seller({ billerCode: undefined }), 'cod.biller.self')).toBe(false);
  });

  it('sees nothing through a SQL scope either', () => {
    const offices = pgTable('offices', { path: text('path') });
    const dialect = new PgDialect();
    const condition = (permission: (typeof PERMISSIONS)[number]) => dialect.sqlToQuery(sql`${scopeCondition(seller(), permission, offices.path)}`).sql;
    for (const permission of PERMISSIONS) expect(condition(permission), permission).toBe('false');
    // The same helper gives an officer a real condition: the assertion above can tell the two apart.
    expect(dialect.sqlToQuery(sql`${scopeCondition(financeOfficer, 'cod.read', offices.path)}`).sql).not.toBe('false');
  });

  it('leaves office permissions of the post office’s staff as they were', () => {
    expect(can(financeOfficer, 'cod.read', 'DL/DL-NDC/NDGPO')).toBe(true);
    expect(can(financeOfficer, 'cod.read', 'DL/DL-NWD/ASVHO')).toBe(false);
    // cod.biller.self is no office permission, for staff who somehow held it too.
    expect(can(financeOfficer, 'cod.biller.self', 'DL/DL-NDC/NDGPO')).toBe(false);
  });
});
