import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { ReconImportDocument, type ReconImportQuery } from '../../gql/graphql';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';
import { fileSize, formatLabel, IMPORT_STATUS_LABELS } from './labels';
import { IMPORT_POLL_MS, isImportFinished } from './import-state';
import { whereInFile } from './problems';
import { StatementsTable } from './StatementsTable';
import '../cod/cod.css';
import './recon.css';

export type StatementImport = NonNullable<ReconImportQuery['bankStatementImport']>;

/**
 * One import followed until it is done: its progress while the job reads the file (polled every second), then its
 * statements (those stored now and those an earlier file had stored), or why the file was refused. When the upload
 * answered an import made before (the same file again: the answer's `existing`), it says so.
 */
export function ImportResult({ id, existing = false }: { id: string; existing?: boolean }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(ReconImportDocument), variables: { id }, requestPolicy: 'network-only' });
  const taken = data?.bankStatementImport;
  const finished = taken ? isImportFinished(taken.status) : false;
  useEffect(() => {
    if (!taken || finished) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), IMPORT_POLL_MS);
    return () => clearInterval(timer);
  }, [taken, finished, refetch]);
  if (!taken) return fetching ? <Loading what="Reading the import" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No import {id} in your scope.</p>;
  const percent = taken.progressPercent;
  return (
    <section aria-labelledby="recon-import-heading">
      <h2 id="recon-import-heading">{taken.fileName}</h2>
      {existing ? <p role="note" className="recon-before">This file was imported before, on {formatDateTime(taken.createdAt)} by {taken.importedBy}: this is that import, and nothing was stored twice.</p> : null}
      {!finished ? (
        <>
          <label htmlFor="recon-import-progress" className="field-label">Reading the file</label>
          <progress id="recon-import-progress" className="cod-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {taken.status === 'QUEUED' ? 'Waiting for the job to start…' : taken.status === 'RUNNING' ? `Reading the file: ${percent}%.` : taken.status === 'DONE' ? `Done: ${taken.statements.length} ${taken.statements.length === 1 ? 'statement' : 'statements'}${taken.alreadyImportedCount > 0 ? `, ${taken.alreadyImportedCount} of them imported already` : ''}.` : 'The file was refused; nothing from it was kept.'}
      </p>
      <dl className="detail-grid" aria-label="Import">
        <dt>Bank account</dt>
        <dd><Link to={`/recon/accounts/${taken.bankAccount.id}`}>{taken.bankAccount.name}</Link> <span className="mono">{taken.bankAccount.accountNumber}</span></dd>
        <dt>Format</dt>
        <dd>{formatLabel(taken.format)}</dd>
        <dt>Size</dt>
        <dd title={`${taken.fileSize.toLocaleString('en-IN')} bytes`}>{fileSize(taken.fileSize)}</dd>
        <dt>SHA-256</dt>
        <dd className="mono">{taken.fileHash}</dd>
        <dt>Imported</dt>
        <dd>{formatDateTime(taken.createdAt)} by {taken.importedBy}</dd>
        {taken.finishedAt ? (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(taken.finishedAt)}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{IMPORT_STATUS_LABELS[taken.status]}</dd>
      </dl>
      {taken.error ? (
        <div className="problems" role="alert" aria-label="Why the file was refused">
          <p className="problem">
            {taken.error.message}
            {whereInFile(taken.error) ? ` (${whereInFile(taken.error)})` : ''}
            <code className="problem-code">{taken.error.code}</code>
          </p>
        </div>
      ) : null}
      <ProblemList problems={problemsOf(error)} />
      {taken.statements.length > 0 ? <StatementsTable label="Statements in the file" statements={taken.statements} /> : null}
    </section>
  );
}
