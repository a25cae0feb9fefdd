import type { Database, Tx } from './database.js';

/**
 * The isolation levels we use, in PostgreSQL's words. Which one a transaction needs is a decision about its
 * correctness, so it is written where the transaction is opened, never left to the server's default (which an
 * operator can change: `default_transaction_isolation`).
 *
 * - `read committed`: each statement sees what was committed when it started, and a row lock that waited reads the
 *   row as the other writer committed it. Right for check-and-act on rows locked FOR UPDATE in a fixed order (postings,
 *   day closes, decisions on a locked request, login counters): the check runs on the locked, current row, and a
 *   writer that queued behind another goes on instead of failing.
 * - `repeatable read`: one snapshot for the whole transaction. Right for a reader that must see one consistent state
 *   across many statements (verifying a hash chain while the sealer appends). A writer here fails with a
 *   serialization error when a row it updates changed since its snapshot.
 * - `serializable`: as if the transactions ran one at a time; needs a retry on serialization failure.
 */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  /** A read-only transaction: PostgreSQL refuses any write in it. */
  readOnly?: boolean;
}

/** Runs `work` in one transaction at the given isolation level; committed when it resolves, rolled back when it throws. */
export function transaction<T>(database: Database, isolation: IsolationLevel, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return database.db.transaction(work as never, {
    isolationLevel: isolation,
    accessMode: options.readOnly ? 'read only' : 'read write',
  }) as Promise<T>;
}
