import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { ReconStatementDocument, ReconStatementLinesCsvDocument, ReconStatementLinesDocument, type BankLineDirection, type ReconReferencesFragment, type ReconStatementLinesQuery } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { LoadMore } from '../cod/LoadMore';
import { downloadText } from '../cod/download';
import type { Problem } from '../../api/problems';
import { DIRECTION_LABELS, DIRECTIONS, formatLabel } from './labels';
import '../cod/cod.css';
import './recon.css';

type Line = NonNullable<ReconStatementLinesQuery['bankStatement']>['lines']['edges'][number]['node'];
type Counterparty = Line['counterparty'];

const FILTERS = ['direction'] as const;
const LINES_PAGE = 100;

/** One statement: what the bank says about it, its balances, and its lines in statement order (paged, by direction). */
export default function StatementDetail() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: op(ReconStatementDocument), variables: { id } });
  const statement = data?.bankStatement;
  if (!statement) {
    return (
      <>
        <PageHeader title="Bank statement" />
        {fetching ? <Loading what="Reading the statement" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No statement {id} in your scope.</p>}
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Statement ${statement.statementId}`} subtitle={`${statement.bankAccount.name} · ${formatLabel(statement.format)}${statement.version ? ` (${statement.version})` : ''} · ${statement.currency}`} />
      <dl className="detail-grid" aria-label="Statement">
        <dt>Bank account</dt>
        <dd><Link to={`/recon/accounts/${statement.bankAccount.id}`}>{statement.bankAccount.name}</Link> <span className="mono">{statement.bankAccount.accountNumber}</span></dd>
        <dt>Statement id</dt>
        <dd className="mono">{statement.statementId}</dd>
        {statement.messageId ? (
          <>
            <dt>Message id</dt>
            <dd className="mono">{statement.messageId}</dd>
          </>
        ) : null}
        {statement.sequenceNumber ? (
          <>
            <dt>Sequence number</dt>
            <dd>{statement.sequenceNumber}</dd>
          </>
        ) : null}
        <dt>Period</dt>
        <dd>{statement.fromDate ? `${formatDate(statement.fromDate)} – ${formatDate(statement.toDate)}` : '—'}</dd>
        <dt>Opening balance</dt>
        <dd><Money value={statement.openingBalance} />{statement.openingDate ? ` on ${formatDate(statement.openingDate)}` : ''}</dd>
        <dt>Closing balance</dt>
        <dd><Money value={statement.closingBalance} />{statement.closingDate ? ` on ${formatDate(statement.closingDate)}` : ''}</dd>
        <dt>Lines</dt>
        <dd>{statement.lineCount.toLocaleString('en-IN')}</dd>
        <dt>Credits</dt>
        <dd><Money value={statement.creditTotal} /> in {statement.creditCount.toLocaleString('en-IN')}</dd>
        <dt>Debits</dt>
        <dd><Money value={statement.debitTotal} /> in {statement.debitCount.toLocaleString('en-IN')}</dd>
        <dt>Imported</dt>
        <dd><Link to={`/recon/imports/${statement.importId}`}>{formatDateTime(statement.importedAt)}</Link></dd>
      </dl>
      <section aria-labelledby="recon-balances-heading">
        <h2 id="recon-balances-heading">Balances</h2>
        {statement.balances.length === 0 ? <p>The bank states no balances in this statement.</p> : (
          <table className="diff" aria-label="Balances">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Date</th>
                <th scope="col" className="numeric">Amount</th>
              </tr>
            </thead>
            <tbody>
              {statement.balances.map((balance, index) => (
                <tr key={index}>
                  <td className="mono">{balance.type}</td>
                  <td>{formatDate(balance.date)}</td>
                  <td className="numeric"><Money value={balance.amount} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Lines id={statement.id} />
    </>
  );
}

function Lines({ id }: { id: string }) {
  const client = useClient();
  const [csvProblems, setCsvProblems] = useState<Problem[]>([]);
  // Every line (not only the pages shown), as the API writes it: amounts as its decimal strings.
  const exportCsv = async () => {
    setCsvProblems([]);
    const result = await client.query(op(ReconStatementLinesCsvDocument), { id }, { requestPolicy: 'network-only' }).toPromise();
    const statement = result.data?.bankStatement;
    if (!statement) return setCsvProblems(problemsOf(result.error));
    downloadText(`${statement.statementId.replace(/[^A-Za-z0-9._-]+/g, '_')}-lines.csv`, statement.linesCsv, 'text/csv;charset=utf-8');
  };
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const direction = DIRECTIONS.includes(filters.direction as BankLineDirection) ? (filters.direction as BankLineDirection) : null;
  const list = useKeysetList({
    query: op(ReconStatementLinesDocument),
    variables: { id, direction },
    pageSize: LINES_PAGE,
    select: (data) => {
      const lines = data.bankStatement?.lines;
      return { rows: lines?.edges.map((edge) => edge.node) ?? [], endCursor: lines?.pageInfo.endCursor ?? null, hasNextPage: lines?.pageInfo.hasNextPage ?? false };
    },
  });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (lineId: string) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(lineId)) next.delete(lineId);
    else next.add(lineId);
    return next;
  });
  return (
    <section aria-labelledby="recon-lines-heading">
      <h2 id="recon-lines-heading">Lines</h2>
      <search className="filters" aria-label="Filter lines">
        <SelectField label="Direction" value={filters.direction} onChange={(value) => setFilters({ direction: value })} options={DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABELS[value] }))} />
      </search>
      <Button onPress={() => void exportCsv()}>Download lines (CSV)</Button>
      <ProblemList problems={[...list.problems, ...csvProblems]} />
      <table className="diff" aria-label="Statement lines">
        <thead>
          <tr>
            <th scope="col" className="numeric">#</th>
            <th scope="col">Booked</th>
            <th scope="col">Value date</th>
            <th scope="col">Direction</th>
            <th scope="col" className="numeric">Amount</th>
            <th scope="col">UTR and references</th>
            <th scope="col">Remittance</th>
            <th scope="col">Counterparty</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((line) => (
            <Fragment key={line.id}>
              <tr>
                <td className="numeric">{line.index}</td>
                <td>{formatDate(line.bookingDate)}</td>
                <td>{formatDate(line.valueDate)}</td>
                <td>
                  {line.direction === 'CREDIT' ? 'Credit' : 'Debit'}
                  {line.reversal ? <> <span className="recon-badge">reversal</span></> : null}
                  {line.status && line.status !== 'BOOK' ? <> <span className="recon-badge">{line.status}</span></> : null}
                </td>
                <td className="numeric"><Money value={line.amount} /></td>
                <td><References references={line.references} code={line.transactionCode} /></td>
                <td>{line.remittanceInformation ?? ''}</td>
                <td>
                  <CounterpartyText counterparty={line.counterparty} />
                  {line.transactionCount !== null || line.transactions.length > 0 ? (
                    <div>
                      <Button variant="quiet" onPress={() => toggle(line.id)} aria-expanded={open.has(line.id)}>
                        {`${open.has(line.id) ? 'Hide' : 'Show'} batch of ${(line.transactionCount ?? line.transactions.length).toLocaleString('en-IN')} transactions`}
                      </Button>
                    </div>
                  ) : null}
                </td>
              </tr>
              {open.has(line.id) ? (
                <tr className="recon-transactions">
                  <td />
                  <td colSpan={7}>
                    <table className="diff" aria-label={`Transactions of line ${line.index}`}>
                      <thead>
                        <tr>
                          <th scope="col">Direction</th>
                          <th scope="col" className="numeric">Amount</th>
                          <th scope="col">References</th>
                          <th scope="col">Remittance</th>
                          <th scope="col">Counterparty</th>
                        </tr>
                      </thead>
                      <tbody>
                        {line.transactions.map((transaction, index) => (
                          <tr key={index}>
                            <td>{transaction.direction === 'DEBIT' ? 'Debit' : transaction.direction === 'CREDIT' ? 'Credit' : ''}</td>
                            <td className="numeric"><Money value={transaction.amount} /></td>
                            <td><References references={transaction.references} code={null} /></td>
                            <td>{transaction.remittanceInformation ?? ''}</td>
                            <td><CounterpartyText counterparty={transaction.counterparty} /></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {line.transactions.length === 0 ? <p>The bank gives no details of the batch's transactions.</p> : null}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      {list.loading ? <Loading what="Reading the lines" /> : list.rows.length === 0 ? <p>No lines{direction ? ' in this direction' : ''}.</p> : null}
      <LoadMore list={list} what="lines" />
    </section>
  );
}

const REFERENCE_LABELS: [keyof ReconReferencesFragment, string][] = [
  ['utr', 'UTR'],
  ['endToEndId', 'End-to-end'],
  ['accountServicerReference', 'Bank ref'],
  ['ownerReference', 'Our ref'],
  ['paymentInformationId', 'Batch'],
  ['transactionId', 'Tx'],
  ['mandateId', 'Mandate'],
  ['creditorReference', 'Creditor ref'],
];

function References({ references, code }: { references: ReconReferencesFragment; code: string | null }) {
  const shown = REFERENCE_LABELS.filter(([key]) => references[key]);
  if (shown.length === 0 && !code) return null;
  return (
    <span className="recon-refs">
      {shown.map(([key, label]) => (
        <span key={key}>{label}: <span className="mono">{references[key]}</span></span>
      ))}
      {code ? <span>Code: <span className="mono">{code}</span></span> : null}
    </span>
  );
}

function CounterpartyText({ counterparty }: { counterparty: Counterparty }) {
  if (!counterparty) return null;
  const account = counterparty.iban ?? counterparty.account;
  return (
    <span className="recon-refs">
      {counterparty.name ? <span>{counterparty.name}</span> : null}
      {account ? <span className="mono">{account}</span> : null}
      {counterparty.bic ? <span className="mono">{counterparty.bic}</span> : null}
    </span>
  );
}
