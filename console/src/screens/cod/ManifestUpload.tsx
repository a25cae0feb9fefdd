import { useEffect, useId, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { CSRF_HEADER } from '../../api/client';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { CodManifestDocument, CodManifestErrorReportDocument, CodUploadManifestDocument } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { localProblem, useCommand } from '../staff/useCommand';
import { errorReportFileName, isManifestFinished, MANIFEST_COLUMNS, MANIFEST_MAX_BYTES, MANIFEST_MAX_ROWS, MANIFEST_POLL_MS, manifestHeaderProblems, manifestRowCount } from './manifest';
import './cod.css';

/**
 * A file above the gateway's ordinary request size travels as an upload (gateway/src/uploads.ts), which the gateway
 * takes only for the operations it lists; below it, as any other request.
 */
const ORDINARY_BODY_BYTES = 90 * 1024;
const UPLOAD_CONTEXT = { fetchOptions: { headers: { ...CSRF_HEADER, 'x-postal-upload': 'cod-manifest' }, credentials: 'same-origin' as const } };

/**
 * A biller's manifest (cod.article.register): a CSV of articles checked for its header here and row by row by the
 * server, registered as a job whose progress is polled; then the row errors, on screen and as a CSV download.
 * Uploading the same file again registers nothing twice (by article number).
 */
export default function ManifestUpload() {
  const [manifestId, setManifestId] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <PageHeader title="COD manifest upload" subtitle="Register a biller's articles from one CSV file." />
      {manifestId === null ? (
        <UploadForm key={generation} onStarted={setManifestId} />
      ) : (
        <ManifestProgress id={manifestId} onAnother={() => { setManifestId(null); setGeneration((value) => value + 1); }} />
      )}
    </>
  );
}

function UploadForm({ onStarted }: { onStarted: (id: string) => void }) {
  const fileId = useId();
  const [billerCode, setBillerCode] = useState('');
  const [file, setFile] = useState<{ name: string; text: string; bytes: number } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const small = useCommand(op(CodUploadManifestDocument));
  const large = useCommand(op(CodUploadManifestDocument), UPLOAD_CONTEXT);
  const command = file && file.bytes > ORDINARY_BODY_BYTES ? large : small;
  const problems = placed(command.problems);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(undefined);
    if (!chosen) return;
    if (chosen.size > MANIFEST_MAX_BYTES) return setFileError(`The file is larger than ${MANIFEST_MAX_BYTES / 1024 / 1024} MB.`);
    const text = await chosen.text();
    const { missing, unknown, duplicated } = manifestHeaderProblems(text, billerCode.trim() !== '');
    if (missing.length > 0) return setFileError(`The header lacks: ${missing.join(', ')}. Expected: ${MANIFEST_COLUMNS.join(', ')}.`);
    if (unknown.length > 0) return setFileError(`The header has columns the upload does not read: ${unknown.join(', ')}.`);
    if (duplicated.length > 0) return setFileError(`The header names a column twice: ${duplicated.join(', ')}.`);
    const rows = manifestRowCount(text);
    if (rows === 0) return setFileError('The file has a header but no rows.');
    if (rows > MANIFEST_MAX_ROWS) return setFileError(`The file has ${rows.toLocaleString('en-IN')} rows; at most ${MANIFEST_MAX_ROWS.toLocaleString('en-IN')}.`);
    setFile({ name: chosen.name, text, bytes: chosen.size });
  };

  const submit = async () => {
    if (!file) return command.setProblems([localProblem('content', fileError ?? 'Choose a CSV file.')]);
    const data = await command.run({ input: { fileName: file.name, content: file.text, ...(billerCode.trim() !== '' ? { billerCode: billerCode.trim().toUpperCase() } : {}) } });
    if (data) onStarted(data.uploadCodManifest.id);
  };
  const fileProblems = [...(fileError ? [fileError] : []), ...onField(problems, 'content', 'fileName').map((problem) => problem.message)];
  return (
    <form className="cod-form" aria-label="Manifest upload" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <TextField label="Biller code" description="The biller of every row; leave empty when each row names its own in biller_code" value={billerCode} onChange={(value) => { setBillerCode(value); small.clearField('billerCode'); }} problems={onField(problems, 'billerCode')} />
      <div className="field">
        <label className="field-label" htmlFor={fileId}>CSV file</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          className="field-input"
          aria-describedby={`${fileId}-description${fileProblems.length > 0 ? ` ${fileId}-error` : ''}`}
          aria-invalid={fileProblems.length > 0 || undefined}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <span className="field-description" id={`${fileId}-description`}>
          UTF-8, with the header {MANIFEST_COLUMNS.join(', ')} (booked_on may be left out); at most {MANIFEST_MAX_ROWS.toLocaleString('en-IN')} rows and 8 MB.
        </span>
        {fileProblems.length > 0 ? <span className="field-error" id={`${fileId}-error`} role="alert">{fileProblems.join(' ')}</span> : null}
      </div>
      {file ? <p role="status">{file.name}: {manifestRowCount(file.text).toLocaleString('en-IN')} rows.</p> : null}
      <ProblemList problems={notOnFields(problems, ['billerCode', 'content', 'fileName'])} />
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Uploading…' : 'Upload and register'}</Button>
      </div>
    </form>
  );
}

function ManifestProgress({ id, onAnother }: { id: string; onAnother: () => void }) {
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: op(CodManifestDocument), variables: { id }, requestPolicy: 'network-only' });
  const manifest = data?.codManifest;
  const finished = manifest ? isManifestFinished(manifest.status) : false;
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), MANIFEST_POLL_MS);
    return () => clearInterval(timer);
  }, [finished, refetch]);
  const [downloadProblems, setDownloadProblems] = useState<Problem[]>([]);

  const download = async () => {
    setDownloadProblems([]);
    const result = await client.query(op(CodManifestErrorReportDocument), { id }, { requestPolicy: 'network-only' }).toPromise();
    const report = result.data?.codManifest;
    if (!report) return setDownloadProblems(problemsOf(result.error));
    const url = URL.createObjectURL(new Blob([report.errorReportCsv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = errorReportFileName(report.fileName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (!manifest) return <ProblemList problems={problemsOf(error)} />;
  const percent = manifest.progressPercent;
  return (
    <section aria-labelledby="cod-manifest-heading">
      <h2 id="cod-manifest-heading">{manifest.fileName}</h2>
      <label htmlFor="cod-manifest-progress" className="field-label">Progress</label>
      <progress id="cod-manifest-progress" className="cod-progress" max={100} value={percent} aria-valuetext={`${percent}%: ${manifest.processedRows} of ${manifest.totalRows} rows`} />
      <p role="status" aria-live="polite">
        {manifest.status === 'QUEUED' ? 'Waiting to start…' : manifest.status === 'RUNNING' ? `Registering: ${manifest.processedRows.toLocaleString('en-IN')} of ${manifest.totalRows.toLocaleString('en-IN')} rows (${percent}%).` : manifest.status === 'DONE' ? 'Done.' : `The job failed${manifest.failure ? `: ${manifest.failure}` : '.'}`}
      </p>
      <dl className="detail-grid">
        <dt>Biller</dt>
        <dd>{manifest.billerCode ?? 'named in each row'}</dd>
        <dt>Registered</dt>
        <dd>{manifest.registeredCount.toLocaleString('en-IN')} articles</dd>
        <dt>Already registered</dt>
        <dd>{manifest.alreadyRegisteredCount.toLocaleString('en-IN')} articles</dd>
        <dt>Rejected</dt>
        <dd>{manifest.rejectedCount.toLocaleString('en-IN')} rows</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(manifest.createdAt)} by {manifest.uploadedBy}</dd>
        {manifest.finishedAt ? (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(manifest.finishedAt)}</dd>
          </>
        ) : null}
      </dl>
      <ProblemList problems={problemsOf(error)} />
      {manifest.rejectedCount > 0 ? (
        <>
          <h3>Row errors{manifest.rejectedCount > manifest.errors.length ? ` (the first ${manifest.errors.length})` : ''}</h3>
          <table className="diff" aria-label="Row errors">
            <thead>
              <tr>
                <th scope="col" className="numeric">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Code</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {manifest.errors.map((rowError) => (
                <tr key={`${rowError.row}-${rowError.code}-${rowError.field ?? ''}`}>
                  <td className="numeric">{rowError.row}</td>
                  <td>{rowError.field ?? ''}</td>
                  <td><code>{rowError.code}</code></td>
                  <td>{rowError.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <Button onPress={() => void download()}>Download the row errors (CSV)</Button>
          </div>
          <ProblemList problems={downloadProblems} />
        </>
      ) : null}
      {finished ? <Button variant="primary" onPress={onAnother}>Upload another file</Button> : null}
    </section>
  );
}
