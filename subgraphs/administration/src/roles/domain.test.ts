import { describe, expect, it } from 'vitest';
import { checkerGrantRefusal, grantRefusal, parseRoleGrantPayload, revokeRefusal, type Grantee, type Grantor } from './domain.js';

const admin: Grantor = { id: 'admin', active: true, roles: ['ADMIN'], grantableRoles: ['ADMIN', 'COUNTER_CLERK', 'AUDITOR'], mayGrantAtTargetOffice: true };
const clerk: Grantee = { id: 'clerk', active: true, roles: ['COUNTER_CLERK'] };

type Case = [string, { role?: string; roleKnown?: boolean; grantor?: Partial<Grantor>; target?: Partial<Grantee> }, string | undefined];

function facts(change: Case[1]) {
  return {
    role: change.role ?? 'ADMIN',
    roleKnown: change.roleKnown ?? true,
    grantor: { ...admin, ...change.grantor },
    target: { ...clerk, ...change.target },
  };
}

describe('grant rules', () => {
  const cases: Case[] = [
    ['an admin grants a role they hold to someone in scope', {}, undefined],
    ['an unknown role', { role: 'WIZARD', roleKnown: false }, 'UNKNOWN_ROLE'],
    ['a grantor whose account is no longer active', { grantor: { active: false } }, 'FORBIDDEN'],
    ['to themselves (even a role they lack)', { role: 'AUDITOR', target: { id: 'admin', roles: ['ADMIN'] } }, 'CANNOT_CHANGE_OWN_ROLES'],
    ['outside their role.grant scope', { grantor: { mayGrantAtTargetOffice: false } }, 'FORBIDDEN'],
    ['a role their roles may not grant', { role: 'FINANCE_OFFICER' }, 'ROLE_NOT_GRANTABLE'],
    ['a role they do not hold but may grant', { role: 'AUDITOR' }, undefined],
    ['a role they hold but may not grant', { role: 'ADMIN', grantor: { grantableRoles: ['AUDITOR'] } }, 'ROLE_NOT_GRANTABLE'],
    ['to someone suspended or gone', { target: { active: false } }, 'STAFF_NOT_ACTIVE'],
    ['a role the target already holds', { target: { roles: ['COUNTER_CLERK', 'ADMIN'] } }, 'ROLE_ALREADY_HELD'],
    ['to someone with no roles yet', { target: { roles: [] } }, undefined],
    // Scope before facts about the target: someone outside it learns nothing about the person's roles or status.
    ['outside scope to someone who already holds it', { grantor: { mayGrantAtTargetOffice: false }, target: { roles: ['ADMIN'] } }, 'FORBIDDEN'],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    expect(grantRefusal(facts(change))).toBe(expected);
  });
});

describe('checker rules', () => {
  it('lets a checker approve only a role their roles may grant', () => {
    expect(checkerGrantRefusal({ grantableRoles: ['ADMIN', 'POSTMAN'] }, 'POSTMAN')).toBeUndefined();
    expect(checkerGrantRefusal({ grantableRoles: ['POSTMAN'] }, 'ADMIN')).toBe('ROLE_NOT_GRANTABLE');
    expect(checkerGrantRefusal({ grantableRoles: [] }, 'POSTMAN')).toBe('ROLE_NOT_GRANTABLE');
  });
});

describe('revoke rules', () => {
  const cases: Case[] = [
    ['an admin revokes a role the target holds', { role: 'COUNTER_CLERK' }, undefined],
    ['a role the admin does not hold themselves (revoking narrows rights)', { role: 'COUNTER_CLERK', grantor: { roles: ['ADMIN'] } }, undefined],
    ['the last role (a member of staff may hold none)', { role: 'COUNTER_CLERK', target: { roles: ['COUNTER_CLERK'] } }, undefined],
    ['from someone suspended', { role: 'COUNTER_CLERK', target: { active: false } }, undefined],
    ['an unknown role', { role: 'WIZARD', roleKnown: false }, 'UNKNOWN_ROLE'],
    ['from themselves', { role: 'ADMIN', target: { id: 'admin', roles: ['ADMIN'] } }, 'CANNOT_CHANGE_OWN_ROLES'],
    ['outside their scope', { role: 'COUNTER_CLERK', grantor: { mayGrantAtTargetOffice: false } }, 'FORBIDDEN'],
    ['a role the target does not hold', { role: 'AUDITOR' }, 'ROLE_NOT_ASSIGNED'],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    expect(revokeRefusal(facts(change))).toBe(expected);
  });
});

describe('the ROLE_GRANT payload', () => {
  const payload = { username: 'ravi', staffId: '0b6f3f1e-3b8e-4a53-9d7a-8d4e0a1f2b3c', role: 'ADMIN', officeCode: 'NDGPO' };
  it('reads a well-formed payload and refuses anything else', () => {
    expect(parseRoleGrantPayload(payload)).toEqual(payload);
    expect(parseRoleGrantPayload({ ...payload, staffId: 'not-a-uuid' })).toBeUndefined();
    expect(parseRoleGrantPayload({ ...payload, role: 7 })).toBeUndefined();
    expect(parseRoleGrantPayload({ username: 'ravi' })).toBeUndefined();
  });
});
