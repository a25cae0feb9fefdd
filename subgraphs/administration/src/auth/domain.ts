/**
 * The lockout rule, pure: given what is stored about a member of staff, whether the password matched and the time,
 * what the login answers and what to store next. Checked before the password matters, so a locked account answers
 * the same whether or not the guess was right.
 */
export interface LoginState {
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT';
  failedLoginCount: number;
  lockedUntil: Date | null;
  /** The password is a temporary one (new account or administrator's reset). */
  mustChangePassword: boolean;
  /** When that temporary password signed in; it signs in once. */
  temporaryPasswordUsedAt: Date | null;
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type LoginDecision =
  | {
      outcome: 'SUCCEEDED';
      next: { failedLoginCount: 0; lockedUntil: null; lastLoginAt: Date; temporaryPasswordUsedAt?: Date };
    }
  | { outcome: 'LOCKED'; lockedUntil: Date }
  | { outcome: 'TEMPORARY_PASSWORD_USED' }
  | { outcome: 'INACTIVE' }
  | { outcome: 'WRONG_PASSWORD'; next: { failedLoginCount: number; lockedUntil: Date | null }; nowLocked: boolean };

export function decideLogin(state: LoginState, passwordMatches: boolean, now: Date, policy: LockoutPolicy): LoginDecision {
  if (state.lockedUntil !== null && state.lockedUntil > now) return { outcome: 'LOCKED', lockedUntil: state.lockedUntil };
  // An inactive account's wrong guesses count like anyone's, so its answers (and its lockout) are those of an active
  // account or an unknown username; only the right password learns nothing more than INVALID_CREDENTIALS.
  if (state.status !== 'ACTIVE' && passwordMatches) return { outcome: 'INACTIVE' };
  if (passwordMatches) {
    if (!state.mustChangePassword) return { outcome: 'SUCCEEDED', next: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } };
    // A temporary password opens one session, in which its holder must choose their own. Used a second time, it
    // is refused: so if anyone else who saw it used it first, its holder finds out at once and asks for a reset.
    if (state.temporaryPasswordUsedAt !== null) return { outcome: 'TEMPORARY_PASSWORD_USED' };
    return { outcome: 'SUCCEEDED', next: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, temporaryPasswordUsedAt: now } };
  }
  // A lock that has run out gives a fresh allowance; failures before it do not count again.
  const failures = (state.lockedUntil !== null ? 0 : state.failedLoginCount) + 1;
  if (failures >= policy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
    return { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: 0, lockedUntil }, nowLocked: true };
  }
  return { outcome: 'WRONG_PASSWORD', next: { failedLoginCount: failures, lockedUntil: null }, nowLocked: false };
}
