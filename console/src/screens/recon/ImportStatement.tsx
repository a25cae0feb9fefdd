import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { ReconBankAccountsDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { ImportResult } from './ImportResult';
import { fileSize, FORMAT_LABELS, FORMATS } from './labels';
import { whereInFile, type ReconProblem } from './problems';
import { UPLOAD_MAX_BYTES, uploadStatement } from './upload';
import '../cod/cod.css';
import './recon.css';

interface Taken {
  importId: string;
  /** The server says the file had been taken before: this is that import. */
  existing: boolean;
}

/**
 * A bank statement file (recon.import) into one of the operator's accounts: camt.053/054, MT940/942, or the bank's
 * CSV export (read through the account's saved layout). The file goes as its raw bytes to POST
 * /uploads/bank-statement, whose own progress shows as a bar; a large file is then read by a job, followed every
 * second until it is done or refused. The same file again answers the import that took it first.
 */
export default function ImportStatement() {
  const me = useMe();
  const [taken, setTaken] = useState<Taken | null>(null);
  const [generation, setGeneration] = useState(0);
  if (!can(me, 'recon.import')) {
    return (
      <>
        <PageHeader title="Import bank statement" />
        <p>Your roles do not include importing bank statements.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Import bank statement" subtitle="A statement file from the bank: camt.053, camt.054, MT940, MT942 or the bank's CSV export." />
      {taken === null ? (
        <UploadForm key={generation} onTaken={setTaken} />
      ) : (
        <>
          <ImportResult id={taken.importId} existing={taken.existing} />
          <div className="actions">
            <Button variant="primary" onPress={() => { setTaken(null); setGeneration((value) => value + 1); }}>Import another file</Button>
            <Link to="/recon/imports" className="button button-quiet">All imports</Link>
          </div>
        </>
      )}
    </>
  );
}

function UploadForm({ onTaken }: { onTaken: (taken: Taken) => void }) {
  const fileId = useId();
  const [bankAccountId, setBankAccountId] = useState('');
  const [format, setFormat] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<{ field: 'account' | 'file'; message: string } | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [problems, setProblems] = useState<ReconProblem[]>([]);
  const [{ data, error }] = useQuery({ query: op(ReconBankAccountsDocument), variables: { first: 100 } });
  const accounts = data?.bankAccounts.edges.map((edge) => edge.node) ?? [];

  const choose = (chosen: File | undefined) => {
    setProblems([]);
    setLocalError(null);
    setFile(chosen ?? null);
    if (chosen && chosen.size > UPLOAD_MAX_BYTES) setLocalError({ field: 'file', message: `The file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MB: split it.` });
    if (chosen && chosen.size === 0) setLocalError({ field: 'file', message: 'The file is empty.' });
  };
  const submit = async () => {
    setProblems([]);
    if (bankAccountId === '') return setLocalError({ field: 'account', message: 'Choose the bank account the statement is for.' });
    if (!file) return setLocalError({ field: 'file', message: 'Choose the statement file.' });
    if (localError) return;
    setProgress({ sent: 0, total: file.size });
    const result = await uploadStatement(file, { bankAccountId, fileName: file.name, format }, (sent, total) => setProgress({ sent, total }));
    setProgress(null);
    if (!result.ok) return setProblems(result.problems);
    onTaken({ importId: result.answer.importId, existing: result.answer.existing === true });
  };
  const busy = progress !== null;
  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;
  const fileProblem = localError?.field === 'file' ? localError.message : undefined;
  return (
    <form className="cod-form" aria-label="Import bank statement" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <fieldset>
        <legend>Statement</legend>
        <SelectField
          label="Bank account"
          value={bankAccountId}
          anyLabel="Choose…"
          isRequired
          onChange={(value) => { setBankAccountId(value); setLocalError(null); setProblems([]); }}
          options={accounts.map((account) => ({ value: account.id, label: `${account.name} · ${account.accountNumber} · ${account.currency}` }))}
          error={localError?.field === 'account' ? localError.message : undefined}
        />
        <div className="field">
          <label className="field-label" htmlFor={fileId}>Statement file</label>
          <input
            id={fileId}
            type="file"
            className="field-input"
            accept=".xml,.sta,.mt940,.txt,.csv,.940,.942"
            aria-describedby={`${fileId}-description${fileProblem ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileProblem ? true : undefined}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <span className="field-description" id={`${fileId}-description`}>Up to 100 MB. The same file again answers the import that took it first.</span>
          {fileProblem ? <span className="field-error" id={`${fileId}-error`} role="alert">{fileProblem}</span> : null}
        </div>
        <SelectField label="Format" value={format} anyLabel="Detect from the file" onChange={setFormat} options={FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }))} />
      </fieldset>
      <ProblemList problems={problemsOf(error)} />
      {file ? <p role="status">{file.name}: {fileSize(file.size)}.</p> : null}
      {progress ? (
        <div>
          <label htmlFor="recon-upload-progress" className="field-label">Sending the file</label>
          <progress id="recon-upload-progress" className="cod-progress" max={100} value={percent} aria-valuetext={`${percent}%: ${fileSize(progress.sent)} of ${fileSize(progress.total)}`} />
        </div>
      ) : null}
      {problems.length > 0 ? <UploadRefusal problems={problems} /> : null}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy}>{busy ? `Sending… ${percent}%` : 'Import the statement'}</Button>
      </div>
    </form>
  );
}

/** A refused file: the code, the API's message and where in the file (details.line, details.element). */
function UploadRefusal({ problems }: { problems: ReconProblem[] }) {
  return (
    <div className="problems" role="alert" aria-label="The file was refused">
      {problems.map((problem, index) => (
        <p key={index} className="problem">
          {problem.message}
          {whereInFile(problem.details) ? ` (${whereInFile(problem.details)})` : ''}
          {problem.code ? <code className="problem-code">{problem.code}</code> : null}
          {problem.requestId ? <span className="problem-request">request {problem.requestId}</span> : null}
        </p>
      ))}
    </div>
  );
}
