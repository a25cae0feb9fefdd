/**
 * The statement-import job: a file too large to read in the request (INLINE_FILE_BYTES), read from its stored bytes,
 * its statements claimed, its lines written in chunks (each chunk one transaction, with the import's progress), then
 * everything made visible with DONE in one last transaction. A run that stops (a crash, the queue closing) is run
 * again and goes on from the lines already written. A file that is refused (malformed, another account, a statement
 * imported before with other contents) is FAILED with the reason, and its bytes and partial statements are dropped.
 */
import { randomUUID } from 'node:crypto';
import { transaction } from '@postal/db';
import { isExpectedError } from '@postal/errors';
import { JobInterruptedError, type JobContext, type JobQueue } from '@postal/jobs';
import type { Logger } from 'pino';
import { findBankAccount } from '../bank-accounts/repository.js';
import type { ReconDeps } from '../deps.js';
import { prepareStatements } from './prepare.js';
import { readStatementFile, type FileFormat } from './read-file.js';
import { discardImportContents, findImport, insertLines, lockImport, markStatementsStored, readFileContent, storedLineCount, unfinishedImports, updateImport } from './repository.js';
import { claimStatements } from './store.js';
import { matchStatementsOf } from '../matching/job.js';

export const STATEMENT_IMPORT_JOB = 'cod-settlement.bank-statement-import';
/** Lines per transaction: progress shows every chunk, and a transaction stays short. */
export const LINES_PER_CHUNK = 5_000;
const RESUME_LIMIT = 1_000;
/** Reading and claiming is this share of the progress bar; writing the lines the rest. */
const READ_SHARE = 20;

/**
 * The job for an import, under the import's id (a second add while it is held is the same job). A file taken again
 * after IMPORT_FAILED (service.ts retry, which only one request wins) is a new run under a new id: the queue keeps the
 * failed job (keepFailed) and would take the import's own id as a duplicate, leaving the import QUEUED.
 */
export function enqueueStatementImport(jobs: JobQueue, importId: string, run: 'first' | 'retry' = 'first'): Promise<void> {
  return jobs.add(STATEMENT_IMPORT_JOB, { importId }, { jobId: run === 'first' ? importId : `${importId}:retry:${randomUUID()}` });
}

interface Control {
  signal: AbortSignal;
}

async function fail(deps: ReconDeps, importId: string, error: { code: string; message: string; details?: Readonly<Record<string, unknown>> | undefined }): Promise<void> {
  await transaction(deps.database, 'read committed', async (tx) => {
    await lockImport(tx, importId);
    await discardImportContents(tx, importId);
    const line = error.details?.line;
    const element = error.details?.element;
    await updateImport(tx, importId, {
      status: 'FAILED',
      errorCode: error.code,
      errorMessage: error.message.slice(0, 1_000),
      errorLine: typeof line === 'number' ? line : null,
      errorElement: typeof element === 'string' ? element.slice(0, 200) : null,
      finishedAt: deps.clock(),
    });
  });
}

export async function processStatementImport(deps: ReconDeps, importId: string, control: Control): Promise<void> {
  const taken = await findImport(deps.database.db, importId);
  if (!taken || taken.status === 'DONE' || taken.status === 'FAILED') return;
  const account = (await findBankAccount(deps.database.db, taken.bankAccountId))!;
  await updateImport(deps.database.db, importId, { status: 'RUNNING', startedAt: taken.startedAt ?? deps.clock() });
  const bytes = await readFileContent(deps.database.db, importId);
  if (!bytes) throw new Error(`bank statement import ${importId} has no stored file`);
  let claim;
  try {
    const read = readStatementFile(bytes, taken.requestedFormat as FileFormat | null, account);
    await updateImport(deps.database.db, importId, { format: read.format, progressPercent: READ_SHARE / 2 });
    const prepared = prepareStatements(read.statements, account);
    claim = await transaction(deps.database, 'read committed', (tx) => claimStatements(tx, importId, account, prepared, 'LOADING', deps.clock()));
  } catch (error) {
    // Another import holding one of its statements is a wait, not the file's fault: the queue tries again later.
    if (isExpectedError(error) && error.code !== 'STATEMENT_IMPORT_BUSY') return fail(deps, importId, error);
    throw error;
  }
  const total = claim.toStore.reduce((sum, statement) => sum + statement.prepared.parsed.lines.length, 0);
  let written = 0;
  for (const statement of claim.toStore) {
    const lines = statement.prepared.parsed.lines;
    let from = await storedLineCount(deps.database.db, statement.id);
    written += from;
    while (from < lines.length) {
      if (control.signal.aborted) throw new JobInterruptedError(`bank statement import ${importId}`);
      const chunk = lines.slice(from, from + LINES_PER_CHUNK);
      written += chunk.length;
      const progress = Math.min(99, READ_SHARE + Math.floor(((100 - READ_SHARE) * written) / Math.max(total, 1)));
      await transaction(deps.database, 'read committed', async (tx) => {
        await insertLines(tx, statement.id, account.id, chunk);
        await updateImport(tx, importId, { progressPercent: progress });
      });
      from += chunk.length;
    }
  }
  await transaction(deps.database, 'read committed', async (tx) => {
    await lockImport(tx, importId);
    await markStatementsStored(tx, importId);
    await updateImport(tx, importId, { status: 'DONE', progressPercent: 100, alreadyImportedCount: claim.alreadyImported, finishedAt: deps.clock() });
  });
  await matchStatementsOf(deps, importId);
}

/**
 * One import at a time per process (a 100,000-line file, 52 MB, took 734 MB of heap and 1 GB of RSS while it was
 * read: bench:recon). A job that fails for a fault is retried by the queue; on its last try the import is FAILED
 * (IMPORT_FAILED) so it never stays RUNNING.
 */
export async function startStatementImportJob(jobs: JobQueue, deps: ReconDeps, logger?: Pick<Logger, 'error'>): Promise<void> {
  await jobs.handle<{ importId: string }>(
    STATEMENT_IMPORT_JOB,
    async (job: JobContext<{ importId: string }>) => {
      try {
        await processStatementImport(deps, job.data.importId, job);
        const done = await findImport(deps.database.db, job.data.importId);
        return { status: done?.status, progressPercent: done?.progressPercent };
      } catch (error) {
        if (!(error instanceof JobInterruptedError) && job.attempt >= job.attempts) {
          logger?.error({ err: error, importId: job.data.importId }, 'bank statement import failed');
          await fail(deps, job.data.importId, { code: 'IMPORT_FAILED', message: 'the file could not be read for a fault on our side; import it again' });
        }
        throw error;
      }
    },
    { concurrency: 1 },
  );
  for (const importId of await unfinishedImports(deps.database.db, RESUME_LIMIT)) await enqueueStatementImport(jobs, importId);
}
