import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { CodOfficeDayDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { OfficeField } from '../journal/OfficeField';
import { DateField } from '../staff/DateField';
import { COLLECTION_MODE_LABELS } from './labels';
import './cod.css';

/** The office's COD day (Office.codSummary): delivered, collected by mode and deposited, and the shortages and excess. */
export default function OfficeDay() {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [date, setDate] = useState(operatorToday());
  const office = officeCode.trim();
  const [{ data, error, fetching }] = useQuery({ query: op(CodOfficeDayDocument), variables: { officeCode: office, date: date || null }, pause: office === '' });
  const summary = data?.office?.codSummary;
  return (
    <>
      <PageHeader title="Daily COD account" subtitle="What an office delivered, collected and had deposited on one business date." />
      <search className="filters" aria-label="Choose the office and date">
        <OfficeField value={officeCode} onChange={setOfficeCode} />
        <DateField label="Business date" value={date} onChange={setDate} max={operatorToday()} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !summary ? <Loading what="Reading the account" /> : null}
      {data && !data.office ? <p role="alert">No office {office} in your scope.</p> : null}
      {summary ? (
        <>
          <dl className="detail-grid">
            <dt>Delivered</dt>
            <dd>{summary.deliveredCount.toLocaleString('en-IN')} articles, <Money value={summary.deliveredAmount} /></dd>
            <dt>Deposited</dt>
            <dd><Money value={summary.deposited} /></dd>
            <dt>Shortages</dt>
            <dd><Money value={summary.shortages} /></dd>
            <dt>Excess</dt>
            <dd><Money value={summary.excess} /></dd>
          </dl>
          <table className="diff" aria-label={`COD collections at ${data?.office?.name ?? office} on ${formatDate(summary.date)}`}>
            <thead>
              <tr>
                <th scope="col">Paid by</th>
                <th scope="col" className="numeric">Collections</th>
                <th scope="col" className="numeric">Collected</th>
                <th scope="col" className="numeric">Deposited</th>
              </tr>
            </thead>
            <tbody>
              {summary.collected.map((total) => (
                <tr key={total.mode}>
                  <th scope="row">{COLLECTION_MODE_LABELS[total.mode as keyof typeof COLLECTION_MODE_LABELS] ?? total.mode}</th>
                  <td className="numeric">{total.count.toLocaleString('en-IN')}</td>
                  <td className="numeric"><Money value={total.amount} /></td>
                  <td className="numeric"><Money value={total.deposited} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
