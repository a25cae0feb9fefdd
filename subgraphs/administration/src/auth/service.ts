import { randomUUID } from 'node:crypto';
import { DUMMY_PASSWORD_HASH, hashPassword, signAccessToken, verifyPassword, type AccessTokenClaims, type SignedRequestContext } from '@postal/auth';
import { transaction, type Database, type Tx } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { changeSummary } from '@postal/server';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import { auditSummary, type StaffRecord } from '../staff/model.js';
import { findLoginRow, findLoginRowById, updateLoginState, updateStaff, type LoginRow } from '../staff/repository.js';
import { findOfficePath } from '../offices/repository.js';
import { grantsForRoles } from '../roles/repository.js';
import { endAllSessionsInTx } from '../sessions/service.js';
import { decideLogin, type LockoutPolicy } from './domain.js';
import { lockLoginAttempts, updateLoginAttempts, usernameKey } from './repository.js';
import { AccountLockedError, InvalidCredentialsError, TemporaryPasswordUsedError, WeakPasswordError, WrongPasswordError } from './errors.js';
import { passwordProblems } from './password-policy.js';

export interface AuthServiceOptions {
  database: Database;
  jwtPrivateKey: string;
  tokenTtlSeconds: number;
  lockout: LockoutPolicy;
  clock: () => Date;
  /** Called after a commit that staged events, so the relay publishes them soon rather than at its next poll. */
  onEventsStaged?: () => void;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  staff: StaffRecord;
}

/** changePassword's answer: the fresh token of the calling session. */
export type PasswordChangeResult = LoginResult;

const outboxTables = { outbox, processedEvents };

/**
 * Login: the password is checked outside the transaction (scrypt is slow on purpose and must not hold a row lock),
 * then the decision is taken and stored on the row locked FOR UPDATE, with its audit event staged in the same
 * transaction. Parallel wrong guesses therefore count one by one and cannot slip past the lockout.
 */
export function createAuthService(options: AuthServiceOptions) {
  const { database, clock } = options;

  /**
   * A username nobody holds fails exactly as a real account's wrong password does: counted towards the same lockout
   * (login_attempts), so the fifth failure answers ACCOUNT_LOCKED and the sixth too, with the same details. The work is
   * the same as for a real account too: one row locked, updated and an audit event staged in one transaction.
   */
  async function failUnknownUser(context: SignedRequestContext, username: string, now: Date): Promise<never> {
    const key = usernameKey(username);
    // READ COMMITTED, as for a real account: parallel guesses queue on the attempts row and each counts.
    const verdict = await transaction(database, 'read committed', async (tx) => {
      const attempts = await lockLoginAttempts(tx, key);
      const state = { status: 'ACTIVE' as const, ...attempts, mustChangePassword: false, temporaryPasswordUsedAt: null };
      const decision = decideLogin(state, false, now, options.lockout);
      if (decision.outcome === 'WRONG_PASSWORD') await updateLoginAttempts(tx, key, decision.next);
      const locked = decision.outcome === 'LOCKED' || (decision.outcome === 'WRONG_PASSWORD' && decision.nowLocked);
      await stageEvents(tx, outboxTables, [
        auditEvent(context, {
          actor: { kind: 'anonymous', username: username.slice(0, 40) || '(empty)' },
          action: 'LOGIN_FAILED',
          outcome: 'FAILURE',
          reason: locked ? 'UNKNOWN_USER_LOCKED' : 'UNKNOWN_USER',
          target: { type: 'Staff', id: username.slice(0, 40) || '(empty)' },
        }),
      ]);
      return decision;
    });
    options.onEventsStaged?.();
    if (verdict.outcome === 'LOCKED') throw new AccountLockedError(verdict.lockedUntil);
    if (verdict.outcome === 'WRONG_PASSWORD' && verdict.nowLocked && verdict.next.lockedUntil) throw new AccountLockedError(verdict.next.lockedUntil);
    throw new InvalidCredentialsError();
  }

  /** What the token of a session says, read in the transaction that decided it: the roles' grants and the office's path. */
  async function sessionClaims(
    tx: Tx,
    row: Pick<LoginRow, 'id' | 'username' | 'roles' | 'officeCode' | 'billerCode'>,
    session: { sessionId: string; sessionVersion: number; passwordChangeRequired: boolean },
  ): Promise<AccessTokenClaims> {
    const officePath = await findOfficePath(tx, row.officeCode);
    if (officePath === undefined) throw new Error(`office ${row.officeCode} of staff ${row.username} is missing`);
    const grants = await grantsForRoles(tx, row.roles);
    // The biller binding goes into the token with the roles it constrains, read from the same row.
    const binding = row.billerCode === null ? {} : { billerCode: row.billerCode };
    return { staffId: row.id, username: row.username, roles: row.roles, officeCode: row.officeCode, officePath, grants, ...binding, ...session };
  }

  async function tokenFor(claims: AccessTokenClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = await signAccessToken(claims, options.jwtPrivateKey, options.tokenTtlSeconds);
    return { token, expiresAt: new Date(now.getTime() + options.tokenTtlSeconds * 1000) };
  }

  return {
    async login(context: SignedRequestContext, rawUsername: string, password: string): Promise<LoginResult> {
      const username = rawUsername.trim().toLowerCase();
      const candidate = await findLoginRow(database.db, username);
      // An unknown user costs a full hash check too, so timing does not tell which usernames exist.
      const passwordMatches = await verifyPassword(password, candidate?.passwordHash ?? DUMMY_PASSWORD_HASH);
      const now = clock();
      if (!candidate || username.length > 40) return failUnknownUser(context, username, now);

      // READ COMMITTED: parallel guesses queue on the row lock and each counts on the row the previous one committed;
      // at REPEATABLE READ the queued ones would fail with a serialization error instead of being counted.
      const decision = await transaction(database, 'read committed', async (tx) => {
        const row = await findLoginRow(tx, username, { forUpdate: true });
        if (!row) return { outcome: 'GONE' as const };
        const verdict = decideLogin(row, passwordMatches && row.passwordHash === candidate.passwordHash, now, options.lockout);
        if (verdict.outcome === 'SUCCEEDED' || verdict.outcome === 'WRONG_PASSWORD') await updateLoginState(tx, row.id, verdict.next);
        const succeeded = verdict.outcome === 'SUCCEEDED';
        await stageEvents(tx, outboxTables, [
          auditEvent(context, {
            actor: { kind: 'staff', id: row.id, username: row.username, roles: row.roles, officeCode: row.officeCode },
            action: succeeded ? 'LOGIN_SUCCEEDED' : 'LOGIN_FAILED',
            outcome: succeeded ? 'SUCCESS' : 'FAILURE',
            target: { type: 'Staff', id: row.id },
            officeCode: row.officeCode,
            ...(succeeded ? {} : { reason: verdict.outcome === 'WRONG_PASSWORD' && verdict.nowLocked ? 'WRONG_PASSWORD_NOW_LOCKED' : verdict.outcome }),
          }),
        ]);
        // What the roles allow and where, read in the same transaction as the decision, to go into the token; the
        // session version is read on the locked row, so a revocation committed after this one refuses the token.
        // A temporary password's session may only change it (@postal/authz refuses it everything else).
        const claims = succeeded
          ? await sessionClaims(tx, row, { sessionId: randomUUID(), sessionVersion: row.sessionVersion, passwordChangeRequired: row.mustChangePassword })
          : undefined;
        return { ...verdict, row, claims };
      });
      options.onEventsStaged?.();

      switch (decision.outcome) {
        case 'SUCCEEDED':
          return { ...(await tokenFor(decision.claims!, now)), staff: publicPart(decision.row) };
        case 'LOCKED':
          throw new AccountLockedError(decision.lockedUntil);
        case 'TEMPORARY_PASSWORD_USED':
          throw new TemporaryPasswordUsedError();
        case 'WRONG_PASSWORD':
          if (decision.nowLocked && decision.next.lockedUntil) throw new AccountLockedError(decision.next.lockedUntil);
          throw new InvalidCredentialsError();
        case 'INACTIVE':
        case 'GONE':
          throw new InvalidCredentialsError();
      }
    },

    /**
     * The signed-in member of staff replaces their password, proving they know the current one. Rules that need no
     * secret are checked first (so a weak choice costs no hash); a wrong current password counts towards the same
     * lockout as a failed sign-in, so a borrowed session cannot be used to guess it. The new password is hashed
     * outside the transaction, which then takes the decision on the locked row, as login does. The change ends every
     * session of the person (a thief's too) and answers a fresh token for the calling one.
     */
    async changePassword(context: SignedRequestContext, currentPassword: string, newPassword: string): Promise<PasswordChangeResult> {
      const { identity } = context;
      if (identity.kind !== 'staff') throw new UnauthenticatedError();
      const candidate = await findLoginRowById(database.db, identity.staffId);
      if (!candidate || candidate.status !== 'ACTIVE') throw new UnauthenticatedError('your account is not active');
      const problems = passwordProblems(newPassword, candidate.username);
      if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) problems.push('SAME_AS_CURRENT');
      if (problems.length > 0) throw new WeakPasswordError(problems);
      const currentMatches = await verifyPassword(currentPassword, candidate.passwordHash);
      const newHash = currentMatches ? await hashPassword(newPassword) : undefined;

      const now = clock();
      // READ COMMITTED: the check (still the hash we verified, not locked) runs on the row locked FOR UPDATE, as it is now.
      const outcome = await transaction(database, 'read committed', async (tx) => {
        const row = await findLoginRowById(tx, identity.staffId, { forUpdate: true });
        if (!row || row.status !== 'ACTIVE') return { kind: 'INACTIVE' as const };
        // A token the gateway has not yet heard is dead (a reset a second ago) does not get to choose the password.
        if (identity.sessionVersion !== undefined && identity.sessionVersion < row.sessionVersion) return { kind: 'SESSION_ENDED' as const };
        if (row.lockedUntil !== null && row.lockedUntil > now) return { kind: 'LOCKED' as const, lockedUntil: row.lockedUntil };
        // The hash we verified against must still be the stored one: a reset in between makes the given one stale.
        if (!currentMatches || newHash === undefined || row.passwordHash !== candidate.passwordHash) {
          const verdict = decideLogin(row, false, now, options.lockout);
          if (verdict.outcome !== 'WRONG_PASSWORD') throw new Error(`a wrong password decided ${verdict.outcome}`);
          await updateLoginState(tx, row.id, verdict.next);
          await stageEvents(tx, outboxTables, [
            auditEvent(context, {
              action: 'PASSWORD_CHANGE_FAILED',
              outcome: 'FAILURE',
              reason: verdict.nowLocked ? 'WRONG_PASSWORD_NOW_LOCKED' : 'WRONG_PASSWORD',
              target: { type: 'Staff', id: row.id },
              officeCode: row.officeCode,
            }),
          ]);
          return { kind: 'WRONG_PASSWORD' as const, lockedUntil: verdict.nowLocked ? verdict.next.lockedUntil : null };
        }
        const after = await updateStaff(tx, row.id, {
          passwordHash: newHash,
          mustChangePassword: false,
          temporaryPasswordUsedAt: null,
          passwordChangedAt: now,
          failedLoginCount: 0,
        });
        const sessionVersion = await endAllSessionsInTx(tx, row.id, 'PASSWORD_CHANGED', options.tokenTtlSeconds);
        const claims = await sessionClaims(tx, after, {
          sessionId: identity.sessionId ?? randomUUID(),
          sessionVersion,
          passwordChangeRequired: false,
        });
        await stageEvents(tx, outboxTables, [
          auditEvent(context, {
            action: 'PASSWORD_CHANGED',
            outcome: 'SUCCESS',
            target: { type: 'Staff', id: row.id },
            officeCode: row.officeCode,
            // The summary never holds a password or a hash; it says the temporary password was replaced, if it was.
            ...changeSummary(auditSummary(publicPart(row)), auditSummary(after)),
          }),
        ]);
        return { kind: 'CHANGED' as const, staff: after, claims };
      });
      options.onEventsStaged?.();

      switch (outcome.kind) {
        case 'CHANGED':
          return { ...(await tokenFor(outcome.claims, now)), staff: outcome.staff };
        case 'INACTIVE':
          throw new UnauthenticatedError('your account is not active');
        case 'SESSION_ENDED':
          throw new UnauthenticatedError('the session has ended; sign in again');
        case 'LOCKED':
          throw new AccountLockedError(outcome.lockedUntil);
        case 'WRONG_PASSWORD':
          if (outcome.lockedUntil) throw new AccountLockedError(outcome.lockedUntil);
          throw new WrongPasswordError();
      }
    },
  };
}

/** The row without its secrets and lockout counters: what resolvers may see. */
function publicPart(row: LoginRow): StaffRecord {
  const { passwordHash: _hash, failedLoginCount: _failures, temporaryPasswordUsedAt: _used, sessionVersion: _version, ...staff } = row;
  return staff;
}

export type AuthService = ReturnType<typeof createAuthService>;
