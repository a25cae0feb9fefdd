import { useState } from 'react';
import { op } from '../../api/operation';
import { formatDate, formatDateTime } from '../../format/dates';
import { CodDepositsDocument, CodExceptionsDocument, type CodExceptionFilter } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { LoadMore } from './LoadMore';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { DateField } from '../staff/DateField';
import { EXCEPTION_TYPE_LABELS, EXCEPTION_TYPES } from './labels';
import './cod.css';

const FILTERS = ['office', 'from', 'to', 'type', 'status'] as const;
/** A page of each list; "Load more" asks the API for the next (keyset) page. */
const PAGE = 100;

/**
 * Postmen's deposits (expected, deposited, shortage, excess, the reason) and the COD exceptions that need explaining:
 * collections that differed from the COD amount and deposits short or over. Both newest first, in the person's scope,
 * a page at a time.
 */
export default function Deposits() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [office, setOffice] = useState(filters.office);
  const officeCode = filters.office || undefined;
  const deposits = useKeysetList({
    query: op(CodDepositsDocument),
    variables: { filter: { ...(officeCode ? { officeCode } : {}), ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) } },
    pageSize: PAGE,
    select: (data) => ({ rows: data.codDeposits.edges.map((edge) => edge.node), endCursor: data.codDeposits.pageInfo.endCursor, hasNextPage: data.codDeposits.pageInfo.hasNextPage }),
  });
  const exceptionFilter: CodExceptionFilter = {
    ...(officeCode ? { officeCode } : {}),
    ...(filters.type ? { type: filters.type as CodExceptionFilter['type'] } : {}),
    ...(filters.status ? { status: filters.status as CodExceptionFilter['status'] } : { status: 'OPEN' }),
  };
  const exceptions = useKeysetList({
    query: op(CodExceptionsDocument),
    variables: { filter: exceptionFilter },
    pageSize: PAGE,
    select: (data) => ({ rows: data.codExceptions.edges.map((edge) => edge.node), endCursor: data.codExceptions.pageInfo.endCursor, hasNextPage: data.codExceptions.pageInfo.hasNextPage }),
  });
  return (
    <>
      <PageHeader title="COD deposits and exceptions" subtitle="What postmen handed in, and every difference the reconciliation must explain." />
      <search className="filters" aria-label="Filter deposits and exceptions">
        <TextField label="Office" description="And the offices under it" value={office} onChange={setOffice} onBlur={() => setFilters({ office: office.trim().toUpperCase() })} />
        <DateField label="Deposited from" value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateField label="Deposited to" value={filters.to} onChange={(to) => setFilters({ to })} />
      </search>
      <section aria-labelledby="cod-exceptions-heading">
        <h2 id="cod-exceptions-heading">Exceptions</h2>
        <div className="filters">
          <SelectField label="Exception" value={filters.type} onChange={(type) => setFilters({ type })} options={EXCEPTION_TYPES.map((value) => ({ value, label: EXCEPTION_TYPE_LABELS[value] }))} />
          <SelectField label="Exception status" value={filters.status} anyLabel="Open" onChange={(status) => setFilters({ status })} options={[{ value: 'RESOLVED', label: 'Resolved' }]} />
        </div>
        <ProblemList problems={exceptions.problems} />
        {exceptions.loading ? <Loading what="Reading the exceptions" /> : (
          exceptions.rows.length === 0 ? <p>No exceptions.</p> : (
            <table className="diff" aria-label="COD exceptions">
              <thead>
                <tr>
                  <th scope="col">Raised</th>
                  <th scope="col">Exception</th>
                  <th scope="col" className="numeric">Amount</th>
                  <th scope="col">Office</th>
                  <th scope="col">Article or deposit</th>
                  <th scope="col">Biller</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {exceptions.rows.map((exception) => (
                  <tr key={exception.id}>
                    <td>{formatDate(exception.businessDate)}<div className="cod-when">{formatDateTime(exception.raisedAt)} by {exception.raisedBy}</div></td>
                    <td>{EXCEPTION_TYPE_LABELS[exception.type]}</td>
                    <td className="numeric"><Money value={exception.amount} /></td>
                    <td>{exception.officeCode}</td>
                    <td className="mono">{exception.articleNumber ?? (exception.depositId ? 'a deposit' : '')}</td>
                    <td>{exception.billerCode ?? ''}</td>
                    <td>{exception.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
        <LoadMore list={exceptions} what="exceptions" />
      </section>
      <section aria-labelledby="cod-deposits-heading">
        <h2 id="cod-deposits-heading">Deposits</h2>
        <ProblemList problems={deposits.problems} />
        {deposits.loading ? <Loading what="Reading the deposits" /> : (
          deposits.rows.length === 0 ? <p>No deposits.</p> : (
            <table className="diff" aria-label="Postman deposits">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Office</th>
                  <th scope="col">Postman</th>
                  <th scope="col" className="numeric">Expected</th>
                  <th scope="col" className="numeric">Deposited</th>
                  <th scope="col" className="numeric">Shortage</th>
                  <th scope="col" className="numeric">Excess</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {deposits.rows.map((deposit) => (
                  <tr key={deposit.id}>
                    <td>{formatDate(deposit.businessDate)}</td>
                    <td>{deposit.officeCode}</td>
                    <td>{deposit.postmanId}</td>
                    <td className="numeric"><Money value={deposit.expected} /></td>
                    <td className="numeric"><Money value={deposit.deposited} /></td>
                    <td className="numeric"><Money value={deposit.shortage} /></td>
                    <td className="numeric"><Money value={deposit.excess} /></td>
                    <td>{deposit.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
        <LoadMore list={deposits} what="deposits" />
      </section>
    </>
  );
}
