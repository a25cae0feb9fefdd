import { useEffect, useId, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { MoBulkBookDocument, MoBulkRejectionReportDocument, MoBulkUploadDocument, type MoneyOrderBulkMode, type MoneyOrderPaymentMode, type MoneyOrderProduct } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { newIdempotencyKey } from '../journal/idempotency';
import { OfficeField } from '../journal/OfficeField';
import { useCommand } from '../staff/useCommand';
import { BULK_COLUMNS, BULK_MAX_BYTES, BULK_MAX_ROWS, BULK_POLL_MS, dataRowCount, headerProblems, isFinished, progressPercent, rejectionFileName } from './bulk';
import { PAYMENT_MODE_LABELS, PAYMENT_MODES, PRODUCT_LABELS, PRODUCTS } from './labels';
import { localProblem, notOnFields, onField, placed } from './problems';
import './money-orders.css';

const MODE_LABELS: Record<MoneyOrderBulkMode, string> = {
  ACCEPT_VALID: 'Book the valid rows, report the others',
  ALL_OR_NOTHING: 'Book nothing unless every row is valid',
};

/**
 * A department paying many payees (mo.bulk.book): a CSV file, checked for its header here and row by row by the
 * server, booked as a job whose progress is polled; then the rejection report, on screen and as a CSV download.
 */
export default function BulkUpload() {
  const me = useMe();
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  if (!can(me, 'mo.bulk.book')) {
    return (
      <>
        <PageHeader title="Bulk money orders" />
        <p>Your roles do not include bulk booking.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Bulk money orders" subtitle="Book many orders from one CSV file." />
      {uploadId === null ? (
        <UploadForm key={generation} onStarted={setUploadId} />
      ) : (
        <UploadProgress id={uploadId} onAnother={() => { setUploadId(null); setGeneration((value) => value + 1); }} />
      )}
    </>
  );
}

function UploadForm({ onStarted }: { onStarted: (id: string) => void }) {
  const me = useMe();
  const fileId = useId();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [product, setProduct] = useState<MoneyOrderProduct>('SERVICE');
  const [paymentMode, setPaymentMode] = useState<MoneyOrderPaymentMode>('CASH');
  const [mode, setMode] = useState<MoneyOrderBulkMode>('ACCEPT_VALID');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [idempotencyKey] = useState(() => newIdempotencyKey('mo-bulk'));
  const inFlight = useRef(false);
  const command = useCommand(op(MoBulkBookDocument));
  const problems = placed(command.problems);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(undefined);
    if (!chosen) return;
    if (chosen.size > BULK_MAX_BYTES) return setFileError(`The file is larger than ${BULK_MAX_BYTES / 1024 / 1024} MB.`);
    const text = await chosen.text();
    const { missing, unknown } = headerProblems(text);
    if (missing.length > 0) return setFileError(`The header lacks: ${missing.join(', ')}. Expected: ${BULK_COLUMNS.join(', ')}.`);
    if (unknown.length > 0) return setFileError(`The header has columns the upload does not read: ${unknown.join(', ')}.`);
    const rows = dataRowCount(text);
    if (rows === 0) return setFileError('The file has a header but no rows.');
    if (rows > BULK_MAX_ROWS) return setFileError(`The file has ${rows.toLocaleString('en-IN')} rows; at most ${BULK_MAX_ROWS.toLocaleString('en-IN')}.`);
    setFile({ name: chosen.name, text });
  };

  const submit = async () => {
    if (inFlight.current) return;
    const local: Problem[] = [];
    if (!file) local.push(localProblem('csv', fileError ?? 'Choose a CSV file.'));
    if (officeCode.trim() === '') local.push(localProblem('officeCode', 'Choose the booking office.'));
    if (local.length > 0 || !file) return command.setProblems(local);
    inFlight.current = true;
    try {
      const data = await command.run({ input: { idempotencyKey, officeCode: officeCode.trim(), product, paymentMode, mode, fileName: file.name, csv: file.text } });
      if (data) onStarted(data.bookMoneyOrders.id);
    } finally {
      inFlight.current = false;
    }
  };

  const fileProblems = [...(fileError ? [fileError] : []), ...onField(problems, 'csv', 'fileName').map((problem) => problem.message)];
  return (
    <form className="mo-form" aria-label="Bulk upload" onSubmit={(event) => event.preventDefault()} noValidate>
      <fieldset>
        <legend>Upload</legend>
        <OfficeField label="Booking office" value={officeCode} onChange={(value) => { setOfficeCode(value); command.clearField('officeCode'); }} problems={onField(problems, 'officeCode')} isDisabled={command.busy} />
        <SelectField label="Product" value={product} anyLabel={null} onChange={(value) => setProduct(value as MoneyOrderProduct)} options={PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }))} />
        <SelectField label="Payment" value={paymentMode} anyLabel={null} onChange={(value) => setPaymentMode(value as MoneyOrderPaymentMode)} options={PAYMENT_MODES.map((value) => ({ value, label: PAYMENT_MODE_LABELS[value] }))} />
        <SelectField label="When a row is invalid" value={mode} anyLabel={null} onChange={(value) => setMode(value as MoneyOrderBulkMode)} options={(['ACCEPT_VALID', 'ALL_OR_NOTHING'] as const).map((value) => ({ value, label: MODE_LABELS[value] }))} />
      </fieldset>
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
          UTF-8, with the header {BULK_COLUMNS.join(', ')}; at most {BULK_MAX_ROWS.toLocaleString('en-IN')} rows and 8 MB.
        </span>
        {fileProblems.length > 0 ? <span className="field-error" id={`${fileId}-error`} role="alert">{fileProblems.join(' ')}</span> : null}
      </div>
      {file ? <p role="status">{file.name}: {dataRowCount(file.text).toLocaleString('en-IN')} rows.</p> : null}
      <ProblemList problems={notOnFields(problems, ['officeCode', 'csv', 'fileName'])} />
      <div className="actions">
        <Button variant="primary" onPress={() => void submit()} isDisabled={command.busy}>
          {command.busy ? 'Uploading…' : 'Upload and book'}
        </Button>
      </div>
    </form>
  );
}

function UploadProgress({ id, onAnother }: { id: string; onAnother: () => void }) {
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: op(MoBulkUploadDocument), variables: { id }, requestPolicy: 'network-only' });
  const upload = data?.moneyOrderBulkUpload;
  const finished = upload ? isFinished(upload.status) : false;
  // Asks again while the job runs; stops once it is done or failed.
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), BULK_POLL_MS);
    return () => clearInterval(timer);
  }, [finished, refetch]);
  const [downloadProblems, setDownloadProblems] = useState<Problem[]>([]);

  const download = async () => {
    setDownloadProblems([]);
    const result = await client.query(op(MoBulkRejectionReportDocument), { id }, { requestPolicy: 'network-only' }).toPromise();
    const report = result.data?.moneyOrderBulkUpload;
    if (!report) return setDownloadProblems(problemsOf(result.error));
    const url = URL.createObjectURL(new Blob([report.rejectionReportCsv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = rejectionFileName(report.fileName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (!upload) return <ProblemList problems={problemsOf(error)} />;
  const percent = progressPercent(upload.processedRows, upload.totalRows);
  return (
    <section aria-labelledby="mo-bulk-heading">
      <h2 id="mo-bulk-heading">{upload.fileName}</h2>
      <label htmlFor="mo-bulk-progress" className="field-label">Progress</label>
      <progress id="mo-bulk-progress" className="mo-progress" max={100} value={percent} aria-valuetext={`${percent}%: ${upload.processedRows} of ${upload.totalRows} rows`} />
      <p role="status" aria-live="polite">
        {upload.status === 'QUEUED' ? 'Waiting to start…' : upload.status === 'RUNNING' ? `Booking: ${upload.processedRows.toLocaleString('en-IN')} of ${upload.totalRows.toLocaleString('en-IN')} rows (${percent}%).` : upload.status === 'DONE' ? 'Done.' : 'The job failed.'}
      </p>
      <dl className="detail-grid">
        <dt>Office</dt>
        <dd>{upload.officeCode}</dd>
        <dt>When a row is invalid</dt>
        <dd>{MODE_LABELS[upload.mode]}</dd>
        <dt>Booked</dt>
        <dd>{upload.bookedCount.toLocaleString('en-IN')} orders, <Money value={upload.bookedAmount} /></dd>
        <dt>Rejected</dt>
        <dd>{upload.rejectedCount.toLocaleString('en-IN')} rows</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(upload.createdAt)}</dd>
        {upload.finishedAt ? (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(upload.finishedAt)}</dd>
          </>
        ) : null}
      </dl>
      <ProblemList problems={problemsOf(error)} />
      {upload.rejectedCount > 0 ? (
        <>
          <h3>Rejected rows{upload.rejectedCount > upload.rejections.length ? ` (the first ${upload.rejections.length})` : ''}</h3>
          <table className="diff" aria-label="Rejected rows">
            <thead>
              <tr>
                <th scope="col" className="numeric">Row</th>
                <th scope="col">Code</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {upload.rejections.map((rejection) => (
                <tr key={`${rejection.row}-${rejection.code}`}>
                  <td className="numeric">{rejection.row}</td>
                  <td><code>{rejection.code}</code></td>
                  <td>{rejection.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <Button onPress={() => void download()}>Download the rejection report (CSV)</Button>
          </div>
          <ProblemList problems={downloadProblems} />
        </>
      ) : null}
      {finished ? <Button variant="primary" onPress={onAnother}>Upload another file</Button> : null}
    </section>
  );
}
