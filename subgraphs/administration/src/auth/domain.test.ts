import { describe, expect, it } from 'vitest';
import { decideLogin, type LoginState } from './domain.js';

const policy = { maxFailures: 3, lockMinutes: 15 };
const now = new Date('2026-11-22T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const active: LoginState = { status: 'ACTIVE', failedLoginCount: 0, lockedUntil: null, mustChangePassword: false, temporaryPasswordUsedAt: null };
const temporary: LoginState = { ...active, mustChangePassword: true };

describe('decideLogin', () => {
  it.each([
    ['right password', active, true, { outcome: 'SUCCEEDED' }],
    ['right password resets failures', { ...active, failedLoginCount: 2 }, true, { outcome: 'SUCCEEDED', next: { failedLoginCount: 0 } }],
    ['first wrong password', active, false, { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: 1, lockedUntil: null }, nowLocked: false }],
    ['last allowed wrong password locks', { ...active, failedLoginCount: 2 }, false, { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: 0, lockedUntil: minutes(15) }, nowLocked: true }],
    ['locked refuses even the right password', { ...active, lockedUntil: minutes(1) }, true, { outcome: 'LOCKED', lockedUntil: minutes(1) }],
    ['locked refuses a wrong password without extending', { ...active, lockedUntil: minutes(1) }, false, { outcome: 'LOCKED', lockedUntil: minutes(1) }],
    ['an expired lock lets the right password in', { ...active, lockedUntil: minutes(-1) }, true, { outcome: 'SUCCEEDED' }],
    ['an expired lock starts a fresh count', { ...active, lockedUntil: minutes(-1) }, false, { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: 1, lockedUntil: null } }],
    ['suspended staff cannot sign in', { ...active, status: 'SUSPENDED' as const }, true, { outcome: 'INACTIVE' }],
    ['staff who left cannot sign in', { ...active, status: 'LEFT' as const }, true, { outcome: 'INACTIVE' }],
    // Else a suspended account would answer INVALID_CREDENTIALS for ever where any other username locks: a tell.
    ['a wrong guess at a suspended account counts like any other', { ...active, status: 'SUSPENDED' as const, failedLoginCount: 2 }, false, { outcome: 'WRONG_PASSWORD', nowLocked: true }],
    ['a fresh temporary password signs in and is marked used', temporary, true, { outcome: 'SUCCEEDED', next: { temporaryPasswordUsedAt: now } }],
    ['a used temporary password is refused', { ...temporary, temporaryPasswordUsedAt: minutes(-5) }, true, { outcome: 'TEMPORARY_PASSWORD_USED' }],
    ['a wrong guess at a used temporary password still counts', { ...temporary, temporaryPasswordUsedAt: minutes(-5) }, false, { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: 1 } }],
    ['a locked account says locked before anything about its temporary password', { ...temporary, temporaryPasswordUsedAt: minutes(-5), lockedUntil: minutes(1) }, true, { outcome: 'LOCKED' }],
  ])('%s', (_name, state, matches, expected) => {
    expect(decideLogin(state, matches, now, policy)).toMatchObject(expected);
  });
});

describe('decideLogin with an own password', () => {
  it('leaves the temporary-password mark alone', () => {
    const decision = decideLogin(active, true, now, policy);
    expect(decision.outcome === 'SUCCEEDED' && 'temporaryPasswordUsedAt' in decision.next).toBe(false);
  });
});
