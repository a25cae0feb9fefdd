import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { ReconBankAccountDocument, ReconSetCsvMappingDocument, ReconStatementsDocument } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextAreaField } from '../approvals/TextAreaField';
import { LoadMore } from '../cod/LoadMore';
import { groupedAccountNumber, PURPOSE_LABELS } from './labels';
import { reconProblemsOf, whereInFile, type ReconProblem } from './problems';
import { StatementsTable } from './StatementsTable';
import '../cod/cod.css';
import './recon.css';

/** The saved layout as people edit it: pretty-printed JSON, or '' when none is saved. */
function layoutText(saved: string | null): string {
  if (!saved) return '';
  try {
    return JSON.stringify(JSON.parse(saved), null, 2);
  } catch {
    return saved;
  }
}

/** One of the operator's bank accounts: its facts, its statements (newest first) and its bank's CSV layout. */
export default function BankAccountDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }] = useQuery({ query: op(ReconBankAccountDocument), variables: { id } });
  const account = data?.bankAccount;
  if (!account) {
    return (
      <>
        <PageHeader title="Bank account" />
        {fetching ? <Loading what="Reading the bank account" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No bank account {id} in your scope.</p>}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={account.name}
        subtitle={`${groupedAccountNumber(account.accountNumber, account.isIban)} · ${account.currency} · ${PURPOSE_LABELS[account.purpose]}`}
        actions={can(me, 'recon.import') ? <Link to="/recon/import" className="button button-primary">Import bank statement</Link> : null}
      />
      <dl className="detail-grid" aria-label="Bank account">
        <dt>Account number</dt>
        <dd className="mono">{groupedAccountNumber(account.accountNumber, account.isIban)}{account.isIban ? ' (IBAN)' : ''}</dd>
        <dt>IFSC</dt>
        <dd className="mono">{account.ifsc ?? '—'}</dd>
        <dt>BIC</dt>
        <dd className="mono">{account.bic ?? '—'}</dd>
        <dt>Currency</dt>
        <dd>{account.currency}</dd>
        <dt>Purpose</dt>
        <dd>{PURPOSE_LABELS[account.purpose]}</dd>
        <dt>Office</dt>
        <dd>{account.officeCode}</dd>
        <dt>Ledger account</dt>
        <dd className="mono">{account.ledgerAccountCode}</dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(account.registeredAt)} by {account.registeredBy}</dd>
      </dl>
      <AccountStatements id={account.id} />
      <CsvLayout id={account.id} saved={account.csvMapping} manage={can(me, 'recon.bank.manage')} />
    </>
  );
}

function AccountStatements({ id }: { id: string }) {
  const list = useKeysetList({
    query: op(ReconStatementsDocument),
    variables: { filter: { bankAccountId: id } },
    pageSize: 20,
    select: (data) => ({ rows: data.bankStatements.edges.map((edge) => edge.node), endCursor: data.bankStatements.pageInfo.endCursor, hasNextPage: data.bankStatements.pageInfo.hasNextPage }),
  });
  return (
    <section aria-labelledby="recon-account-statements">
      <h2 id="recon-account-statements">Statements</h2>
      <ProblemList problems={list.problems} />
      {list.rows.length > 0 ? <StatementsTable label="Statements of the account" statements={list.rows} /> : list.loading ? <Loading what="Reading the statements" /> : <p>No statements imported into this account yet.</p>}
      <LoadMore list={list} what="statements" />
    </section>
  );
}

/**
 * How this account's bank writes its CSV export (docs/bank-statements.md, "Bank CSV exports"): JSON, checked by the
 * server, which answers CSV_MAPPING_INVALID with the path of the field at fault; saved with every default filled in.
 */
function CsvLayout({ id, saved, manage }: { id: string; saved: string | null; manage: boolean }) {
  const [text, setText] = useState(() => layoutText(saved));
  const [problems, setProblems] = useState<ReconProblem[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  const [{ fetching }, setMapping] = useMutation(op(ReconSetCsvMappingDocument));
  const send = async (mapping: string | null) => {
    setProblems([]);
    setSaid(null);
    const result = await setMapping({ bankAccountId: id, mapping });
    const found = reconProblemsOf(result.error);
    if (found.length > 0 || !result.data) return setProblems(found);
    setText(layoutText(result.data.setBankCsvMapping.csvMapping));
    setSaid(mapping === null ? 'The CSV layout was removed.' : 'The CSV layout was saved.');
  };
  return (
    <section aria-labelledby="recon-csv-layout" className="recon-mapping">
      <h2 id="recon-csv-layout">CSV layout</h2>
      <p className="field-description">How the bank's CSV export is read: delimiter, skipRows, dateFormat, number format and columns by header name or position (docs/bank-statements.md).</p>
      {manage ? (
        <form aria-label="CSV layout" onSubmit={(event) => { event.preventDefault(); void send(text); }} noValidate>
          <TextAreaField label="Layout (JSON)" value={text} onChange={(value) => { setText(value); setSaid(null); }} description={saved ? undefined : 'No layout is saved: a CSV file cannot be imported into this account until one is.'} />
          {problems.length > 0 ? (
            <div className="problems" role="alert">
              {problems.map((problem, index) => (
                <p key={index} className="problem">
                  {problem.message}
                  {whereInFile(problem.details) ? ` (${whereInFile(problem.details)})` : ''}
                  {problem.code ? <code className="problem-code">{problem.code}</code> : null}
                </p>
              ))}
            </div>
          ) : null}
          {said ? <p role="status">{said}</p> : null}
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={fetching || text.trim() === ''}>Save the layout</Button>
            {saved || text.trim() !== '' ? <Button variant="danger" isDisabled={fetching} onPress={() => void send(null)}>Remove the layout</Button> : null}
          </div>
        </form>
      ) : saved ? (
        <pre className="mono" aria-label="Saved CSV layout">{layoutText(saved)}</pre>
      ) : (
        <p>No layout is saved.</p>
      )}
    </section>
  );
}
