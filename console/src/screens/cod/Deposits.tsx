import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { CodDepositsDocument, CodExceptionsDocument, type CodExceptionFilter } from '../../gql/graphql';
import { useUrlFilters } from '../../lists/useUrlFilters';
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
/** The API's page: the newest 200 of each, which for an office's month is all of them. */
const LIMIT = 200;

/**
 * Postmen's deposits (expected, deposited, shortage, excess, the reason) and the COD exceptions that need explaining:
 * collections that differed from the COD amount and deposits short or over. Both newest first, in the person's scope.
 */
export default function Deposits() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [office, setOffice] = useState(filters.office);
  const officeCode = filters.office || undefined;
  const [deposits] = useQuery({ query: op(CodDepositsDocument), variables: { filter: { ...(officeCode ? { officeCode } : {}), ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) }, first: LIMIT } });
  const exceptionFilter: CodExceptionFilter = {
    ...(officeCode ? { officeCode } : {}),
    ...(filters.type ? { type: filters.type as CodExceptionFilter['type'] } : {}),
    ...(filters.status ? { status: filters.status as CodExceptionFilter['status'] } : { status: 'OPEN' }),
  };
  const [exceptions] = useQuery({ query: op(CodExceptionsDocument), variables: { filter: exceptionFilter, first: LIMIT } });
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
        <ProblemList problems={problemsOf(exceptions.error)} />
        {exceptions.fetching && !exceptions.data ? <Loading what="Reading the exceptions" /> : null}
        {exceptions.data ? (
          exceptions.data.codExceptions.length === 0 ? <p>No exceptions.</p> : (
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
                {exceptions.data.codExceptions.map((exception) => (
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
        ) : null}
      </section>
      <section aria-labelledby="cod-deposits-heading">
        <h2 id="cod-deposits-heading">Deposits</h2>
        <ProblemList problems={problemsOf(deposits.error)} />
        {deposits.fetching && !deposits.data ? <Loading what="Reading the deposits" /> : null}
        {deposits.data ? (
          deposits.data.codDeposits.length === 0 ? <p>No deposits.</p> : (
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
                {deposits.data.codDeposits.map((deposit) => (
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
        ) : null}
      </section>
    </>
  );
}
