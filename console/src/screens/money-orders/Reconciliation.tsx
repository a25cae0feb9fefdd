import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { MoReconciliationDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { OfficeField } from '../journal/OfficeField';
import { DateField } from '../staff/DateField';
import { statusLabel } from './labels';
import { groupReference } from './reference';
import './money-orders.css';

const REASONS: Record<string, string> = {
  PENDING_IN_LEDGER: 'On its way to the ledger',
  REJECTED_BY_LEDGER: 'Refused by the ledger',
};

/**
 * The proof auditors ask for: the MO payable control balance in the ledger against the orders outstanding, for an
 * office and everything under it. Zero once every movement has settled; otherwise the orders behind the difference.
 */
export default function Reconciliation() {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [asOf, setAsOf] = useState(operatorToday());
  const office = officeCode.trim();
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(MoReconciliationDocument), variables: { asOf, officeCode: office }, pause: office === '' || asOf === '', requestPolicy: 'network-only' });
  const result = data?.moneyOrderReconciliation;
  const zero = result ? /^-?0(\.0+)?$/.test(result.difference.amount) : false;
  return (
    <>
      <PageHeader title="Money-order reconciliation" subtitle="MO payable in the ledger against the orders outstanding." actions={<Button onPress={() => refetch({ requestPolicy: 'network-only' })}>Check again</Button>} />
      <search className="filters" aria-label="Choose the office and date">
        <OfficeField value={officeCode} onChange={setOfficeCode} description="With every office under it" />
        <DateField label="As of" value={asOf} onChange={setAsOf} max={operatorToday()} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !result ? <Loading what="Reconciling" /> : null}
      {result ? (
        <>
          <dl className="detail-grid" aria-label="Reconciliation">
            <dt>As of</dt>
            <dd>{formatDate(result.asOf)}, office {result.officeCode} and below</dd>
            <dt>Ledger: MO payable</dt>
            <dd><Money value={result.ledgerBalance} /></dd>
            <dt>Orders outstanding</dt>
            <dd><Money value={result.outstandingAmount} /> ({result.outstandingCount.toLocaleString('en-IN')} orders)</dd>
            <dt>Difference</dt>
            <dd className={zero ? 'mo-difference-zero' : 'mo-difference-nonzero'} data-testid="mo-difference">
              <Money value={result.difference} /> {zero ? '(reconciled)' : ''}
            </dd>
            <dt>Movements in flight</dt>
            <dd>{result.inFlightCount.toLocaleString('en-IN')}</dd>
          </dl>
          {result.items.length > 0 ? (
            <table className="diff" aria-label="Orders behind the difference">
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">Amount</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr key={`${item.reference}-${item.reason}`}>
                    <td><Link to={`/money-orders/${item.reference}`} className="mono">{groupReference(item.reference)}</Link></td>
                    <td>{statusLabel(item.status)}</td>
                    <td className="numeric"><Money value={item.amount} /></td>
                    <td>{REASONS[item.reason] ?? item.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : zero ? <p role="status">Nothing to explain: the ledger and the orders agree.</p> : null}
        </>
      ) : null}
    </>
  );
}
