import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { sumAmounts } from '../../format/money';
import { CodAgingDocument, type CodAgingFilter, type CodAgingQuery } from '../../gql/graphql';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from './batch-labels';
import './cod.css';

type AgingRow = CodAgingQuery['codAging'][number];

/** Delivered articles not yet in a released batch, per biller and delivery office, by days since delivery. */
export default function Aging() {
  const [filters, setFilters] = useUrlFilters(['biller', 'office'] as const);
  const [biller, setBiller] = useState(filters.biller);
  const [office, setOffice] = useState(filters.office);
  const filter: CodAgingFilter = { ...(filters.biller ? { billerCode: filters.biller } : {}), ...(filters.office ? { officeCode: filters.office } : {}) };
  const [{ data, error, fetching }] = useQuery({ query: op(CodAgingDocument), variables: { filter } });
  const groups = groupRows(data?.codAging ?? []);
  return (
    <>
      <PageHeader title="COD aging" subtitle="Delivered and not yet remitted, by days since delivery: what sellers are waiting for." />
      <search className="filters" aria-label="Filter the aging">
        <TextField label="Biller code" value={biller} onChange={setBiller} onBlur={() => setFilters({ biller: biller.trim().toUpperCase() })} />
        <TextField label="Delivery office" value={office} onChange={setOffice} onBlur={() => setFilters({ office: office.trim().toUpperCase() })} />
      </search>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !data ? <Loading what="Reading the aging" /> : null}
      {data ? (
        groups.length === 0 ? <p>Nothing delivered is waiting.</p> : (
          <table className="diff" aria-label="COD aging by biller and office">
            <thead>
              <tr>
                <th scope="col">Biller</th>
                <th scope="col">Office</th>
                {AGING_BUCKETS.map((bucket) => <th key={bucket} scope="col" className="numeric">{AGING_BUCKET_LABELS[bucket]}</th>)}
                <th scope="col" className="numeric">Total</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={`${group.billerCode}/${group.officeCode}`}>
                  <th scope="row">{group.billerCode}</th>
                  <td>{group.officeCode}</td>
                  {AGING_BUCKETS.map((bucket) => {
                    const cell = group.buckets.get(bucket);
                    return <td key={bucket} className="numeric">{cell ? <><Money value={cell.amount} /> <span className="muted">({cell.count})</span></> : '—'}</td>;
                  })}
                  <td className="numeric"><Money value={group.total} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </>
  );
}

/** One line per biller and office, its buckets side by side and their exact total. */
export function groupRows(rows: AgingRow[]): { billerCode: string; officeCode: string; buckets: Map<string, AgingRow>; total: { amount: string; currency: string } }[] {
  const groups = new Map<string, { billerCode: string; officeCode: string; buckets: Map<string, AgingRow> }>();
  for (const row of rows) {
    const key = `${row.billerCode}/${row.officeCode}`;
    const group = groups.get(key) ?? { billerCode: row.billerCode, officeCode: row.officeCode, buckets: new Map() };
    group.buckets.set(row.bucket, row);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const cells = [...group.buckets.values()];
    return { ...group, total: { amount: sumAmounts(cells.map((cell) => cell.amount.amount)).toFixed(2), currency: cells[0]?.amount.currency ?? 'INR' } };
  });
}
