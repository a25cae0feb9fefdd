import { describe, expect, it } from 'vitest';
import type { Me } from '../session/me';
import { audienceOf, billerMayOpen, BILLER_HOME } from '../session/audience';
import { rolesFor } from '../screens/staff/labels';
import { SECTIONS } from './registry';
import { navigationFor } from './sections';

const person = (roles: string[], permissions: string[], billerCode: string | null = null): Me => ({
  id: 'p-1',
  username: 'someone',
  name: 'Someone',
  employeeId: '10000001',
  roles: roles as Me['roles'],
  billerCode,
  status: 'ACTIVE',
  mustChangePassword: false,
  office: { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE' },
  grants: permissions.map((permission) => ({ permission, scope: 'SUBTREE' as const })),
});

const seller = person(['BILLER'], ['cod.biller.self'], 'BL000001');
const admin = person(['ADMIN'], ['office.read', 'office.manage', 'staff.read', 'staff.manage', 'role.grant', 'role.approve', 'approval.read', 'audit.read']);
const finance = person(['FINANCE_OFFICER'], ['office.read', 'ledger.read', 'journal.manual.submit', 'mo.read', 'mo.book', 'cod.read']);

describe("a biller's console", () => {
  it("shows a biller's person the biller's pages and nothing else", () => {
    expect(audienceOf(seller)).toBe('biller');
    expect(navigationFor(seller, SECTIONS).map((entry) => entry.to)).toEqual([BILLER_HOME, `${BILLER_HOME}/disputes`]);
  });

  it('shows them nothing else even if the console heard of office grants (the server allows them none)', () => {
    const confused = person(['BILLER'], ['cod.biller.self', 'office.read', 'ledger.read', 'staff.read', 'mo.read'], 'BL000001');
    expect(navigationFor(confused, SECTIONS).map((entry) => entry.to)).toEqual([BILLER_HOME, `${BILLER_HOME}/disputes`]);
  });

  it("never shows the post office's staff the biller's page, and still shows them theirs", () => {
    for (const staff of [admin, finance]) {
      const entries = navigationFor(staff, SECTIONS).map((entry) => entry.to);
      expect(audienceOf(staff)).toBe('staff');
      expect(entries).not.toContain(BILLER_HOME);
      expect(entries).not.toContain(`${BILLER_HOME}/disputes`);
      expect(entries.length).toBeGreaterThan(2);
    }
    expect(navigationFor(admin, SECTIONS).map((entry) => entry.to)).toContain('/staff');
  });

  it('lets a biller’s person open their pages and their password only', () => {
    for (const path of ['/biller', '/biller/remittances', '/account/password']) expect(billerMayOpen(path), path).toBe(true);
    for (const path of ['/', '/staff', '/offices/NDGPO', '/ledger', '/billers', '/biller-x', '/approvals']) expect(billerMayOpen(path), path).toBe(false);
  });
});

describe('the roles the grant dialog offers', () => {
  it("offers a biller's person BILLER alone, and the post office's staff every role but BILLER", () => {
    expect(rolesFor({ billerCode: 'BL000001' })).toEqual(['BILLER']);
    expect(rolesFor({ billerCode: null })).toEqual(['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN']);
  });
});
