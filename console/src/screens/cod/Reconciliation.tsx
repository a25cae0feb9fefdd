import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { operatorToday } from '../../format/dates';
import { sumAmounts } from '../../format/money';
import { CodReconciliationDocument } from '../../gql/graphql';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { DateField } from '../staff/DateField';
import './cod.css';

/**
 * The COD reconciliation: each biller's COD payable in the ledger against the collected-but-unsettled articles in the
 * COD records. Every difference should be zero once the events have been posted; any other figure needs explaining.
 */
export default function Reconciliation() {
  const [asOf, setAsOf] = useState(operatorToday());
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(CodReconciliationDocument), variables: { asOf: asOf || null }, requestPolicy: 'network-only' });
  const rows = data?.codReconciliation ?? [];
  const total = sumAmounts(rows.map((row) => row.difference.amount));
  const currency = rows[0]?.difference.currency ?? 'INR';
  return (
    <>
      <PageHeader title="COD reconciliation" subtitle="The ledger's COD payable per biller against what the COD records say is collected and not yet settled." />
      <search className="filters" aria-label="Choose the date">
        <DateField label="As of" value={asOf} onChange={setAsOf} max={operatorToday()} />
        <button type="button" className="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Check again</button>
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !data ? <Loading what="Reconciling" /> : null}
      {data ? (
        <>
          <dl className="detail-grid">
            <dt>Billers</dt>
            <dd>{rows.length.toLocaleString('en-IN')}</dd>
            <dt>Total difference</dt>
            <dd>
              <span role="status" className={total.isZero() ? 'mo-difference-zero' : 'mo-difference-nonzero'}>
                <Money value={{ amount: total.toFixed(2), currency }} />{total.isZero() ? ' (reconciled)' : ' (to explain)'}
              </span>
            </dd>
          </dl>
          <table className="diff" aria-label="COD reconciliation by biller">
            <thead>
              <tr>
                <th scope="col">Biller</th>
                <th scope="col" className="numeric">Ledger payable</th>
                <th scope="col" className="numeric">Unsettled in COD</th>
                <th scope="col" className="numeric">Difference</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.billerId}>
                  <th scope="row">{row.billerCode}</th>
                  <td className="numeric"><Money value={row.ledgerPayable} /></td>
                  <td className="numeric"><Money value={row.unsettled} /></td>
                  <td className="numeric"><Money value={row.difference} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
