/**
 * Storing a read file's statements. Claiming comes first, under the bank account's row lock so two imports into one
 * account take statement ids one at a time: each statement is new (stored by this import), already imported with the
 * same contents (answered by the earlier row), or already imported with other contents (STATEMENT_CONFLICT, and the
 * whole file is refused). The lines follow, all at once (a small file, in the request's transaction) or in chunks (the
 * job), and the statements become STORED with the import's DONE, in one transaction: nobody reads a half-stored file.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '@postal/db';
import type { BankAccountRow } from '../bank-accounts/repository.js';
import { lockBankAccount } from '../bank-accounts/repository.js';
import { ReconError } from '../errors.js';
import type { PreparedStatement } from './prepare.js';
import { insertImportLinks, insertStatements, statementRow, statementsByStatementIds } from './repository.js';

export interface ClaimedStatement {
  /** The statement's row id. */
  id: string;
  prepared: PreparedStatement;
}

export interface Claim {
  /** Statements this import stores (LOADING until it is DONE). */
  toStore: ClaimedStatement[];
  alreadyImported: number;
}

export async function claimStatements(tx: Tx, importId: string, account: BankAccountRow, prepared: readonly PreparedStatement[], state: 'LOADING' | 'STORED', now: Date): Promise<Claim> {
  await lockBankAccount(tx, account.id);
  const existing = new Map((await statementsByStatementIds(tx, account.id, prepared.map((p) => p.parsed.statementId))).map((row) => [row.statementId, row]));
  const toStore: ClaimedStatement[] = [];
  const links: Array<{ importId: string; position: number; statementId: string; alreadyImported: boolean }> = [];
  let alreadyImported = 0;
  prepared.forEach((statement, position) => {
    const earlier = existing.get(statement.parsed.statementId);
    if (earlier && earlier.importId === importId) {
      // This import's own claim from an attempt that did not finish (a job run again after a crash).
      toStore.push({ id: earlier.id, prepared: statement });
      links.push({ importId, position, statementId: earlier.id, alreadyImported: false });
    } else if (earlier) {
      if (earlier.contentHash !== statement.contentHash) {
        throw new ReconError('STATEMENT_CONFLICT', `statement ${statement.parsed.statementId} was imported already with other contents`, {
          field: 'content',
          details: { statementId: statement.parsed.statementId, bankStatementId: earlier.id },
        });
      }
      if (earlier.state !== 'STORED') {
        throw new ReconError('STATEMENT_IMPORT_BUSY', `statement ${statement.parsed.statementId} is being imported from another file; try again when that import is done`, {
          details: { statementId: statement.parsed.statementId, importId: earlier.importId },
        });
      }
      alreadyImported += 1;
      links.push({ importId, position, statementId: earlier.id, alreadyImported: true });
    } else {
      const id = randomUUID();
      toStore.push({ id, prepared: statement });
      links.push({ importId, position, statementId: id, alreadyImported: false });
    }
  });
  const fresh = toStore.filter((claimed) => !existing.has(claimed.prepared.parsed.statementId));
  await insertStatements(tx, fresh.map((claimed) => statementRow(claimed.prepared, { id: claimed.id, importId, bankAccountId: account.id }, state, now)));
  await insertImportLinks(tx, links);
  return { toStore, alreadyImported };
}
