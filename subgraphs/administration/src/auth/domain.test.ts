import { describe, expect, it } from 'vitest';
import { decideLogin, type LoginState } from './domain.js';

const policy = { maxFailures: 3, lockMinutes: 15 };
const now = new Date('2026-11-22T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const active: LoginState = { status: 'ACTIVE', failedLoginCount: 0, lockedUntil: null };

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
  ])('%s', (_name, state, matches, expected) => {
    expect(decideLogin(state, matches, now, policy)).toMatchObject(expected);
  });
});
