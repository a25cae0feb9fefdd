import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { MoDayAccountDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { DateField } from '../staff/DateField';
import { OfficeField } from '../journal/OfficeField';
import './money-orders.css';

/** The office's daily money-order account (Office.moneyOrderSummary): booked, paid and refunded on one business date. */
export default function DayAccount() {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [date, setDate] = useState(operatorToday());
  const office = officeCode.trim();
  const [{ data, error, fetching }] = useQuery({ query: op(MoDayAccountDocument), variables: { officeCode: office, date: date || null }, pause: office === '' });
  const summary = data?.office?.moneyOrderSummary;
  return (
    <>
      <PageHeader title="Daily money-order account" subtitle="What an office booked, paid and refunded on one business date." />
      <search className="filters" aria-label="Choose the office and date">
        <OfficeField value={officeCode} onChange={setOfficeCode} />
        <DateField label="Business date" value={date} onChange={setDate} max={operatorToday()} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !summary ? <Loading what="Reading the account" /> : null}
      {data && !data.office ? <p role="alert">No office {office} in your scope.</p> : null}
      {summary ? (
        <table className="diff" aria-label={`Money orders at ${data?.office?.name ?? office} on ${formatDate(summary.date)}`}>
          <thead>
            <tr>
              <th scope="col">Business date {formatDate(summary.date)}</th>
              <th scope="col" className="numeric">Orders</th>
              <th scope="col" className="numeric">Amount</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Booked</th>
              <td className="numeric">{summary.bookedCount.toLocaleString('en-IN')}</td>
              <td className="numeric"><Money value={summary.bookedAmount} /></td>
            </tr>
            <tr>
              <th scope="row">Paid</th>
              <td className="numeric">{summary.paidCount.toLocaleString('en-IN')}</td>
              <td className="numeric"><Money value={summary.paidAmount} /></td>
            </tr>
            <tr>
              <th scope="row">Refunded</th>
              <td className="numeric">{summary.refundedCount.toLocaleString('en-IN')}</td>
              <td className="numeric"><Money value={summary.refundedAmount} /></td>
            </tr>
            <tr>
              <th scope="row">Commission</th>
              <td />
              <td className="numeric"><Money value={summary.commission} /></td>
            </tr>
            <tr>
              <th scope="row">Tax</th>
              <td />
              <td className="numeric"><Money value={summary.tax} /></td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </>
  );
}
