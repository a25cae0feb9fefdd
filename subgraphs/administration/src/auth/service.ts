import { DUMMY_PASSWORD_HASH, signAccessToken, verifyPassword, type SignedRequestContext } from '@postal/auth';
import type { Database } from '@postal/db';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import type { StaffRecord } from '../staff/model.js';
import { findLoginRow, updateLoginState } from '../staff/repository.js';
import { findOfficePath } from '../offices/repository.js';
import { grantsForRoles } from '../roles/repository.js';
import { decideLogin, type LockoutPolicy } from './domain.js';
import { AccountLockedError, InvalidCredentialsError } from './errors.js';

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

const outboxTables = { outbox, processedEvents };

/**
 * Login: the password is checked outside the transaction (scrypt is slow on purpose and must not hold a row lock),
 * then the decision is taken and stored on the row locked FOR UPDATE, with its audit event staged in the same
 * transaction. Parallel wrong guesses therefore count one by one and cannot slip past the lockout.
 */
export function createAuthService(options: AuthServiceOptions) {
  const { database, clock } = options;

  async function recordFailure(context: SignedRequestContext, username: string, reason: string, officeCode?: string) {
    await database.db.transaction(async (tx) => {
      await stageEvents(tx, outboxTables, [
        auditEvent(context, {
          actor: { kind: 'anonymous', username },
          action: 'LOGIN_FAILED',
          outcome: 'FAILURE',
          reason,
          target: { type: 'Staff', id: username },
          ...(officeCode ? { officeCode } : {}),
        }),
      ]);
    });
    options.onEventsStaged?.();
  }

  return {
    async login(context: SignedRequestContext, rawUsername: string, password: string): Promise<LoginResult> {
      const username = rawUsername.trim().toLowerCase();
      const candidate = await findLoginRow(database.db, username);
      // An unknown user costs a full hash check too, so timing does not tell which usernames exist.
      const passwordMatches = await verifyPassword(password, candidate?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!candidate || username.length > 40) {
        await recordFailure(context, username.slice(0, 40) || '(empty)', 'UNKNOWN_USER');
        throw new InvalidCredentialsError();
      }

      const now = clock();
      const decision = await database.db.transaction(async (tx) => {
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
        // What the roles allow and where, read in the same transaction as the decision, to go into the token.
        const officePath = succeeded ? await findOfficePath(tx, row.officeCode) : '';
        if (officePath === undefined) throw new Error(`office ${row.officeCode} of staff ${row.username} is missing`);
        const grants = succeeded ? await grantsForRoles(tx, row.roles) : [];
        return { ...verdict, row, officePath, grants };
      });
      options.onEventsStaged?.();

      switch (decision.outcome) {
        case 'SUCCEEDED': {
          const { row } = decision;
          const staff: StaffRecord = { id: row.id, username: row.username, name: row.name, officeCode: row.officeCode, roles: row.roles, status: row.status };
          const token = await signAccessToken(
            { staffId: row.id, username: row.username, roles: row.roles, officeCode: row.officeCode, officePath: decision.officePath, grants: decision.grants },
            options.jwtPrivateKey,
            options.tokenTtlSeconds,
          );
          return { token, expiresAt: new Date(now.getTime() + options.tokenTtlSeconds * 1000), staff };
        }
        case 'LOCKED':
          throw new AccountLockedError(decision.lockedUntil);
        case 'WRONG_PASSWORD':
          if (decision.nowLocked && decision.next.lockedUntil) throw new AccountLockedError(decision.next.lockedUntil);
          throw new InvalidCredentialsError();
        case 'INACTIVE':
        case 'GONE':
          throw new InvalidCredentialsError();
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
