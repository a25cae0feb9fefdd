import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { formatDate } from '../../format/dates';
import { BillerRemittancesCsvDocument, BillerSummaryDocument } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { PAYOUT_STATUS_LABELS } from '../cod/batch-labels';
import { downloadText } from '../cod/download';

/** The newest remittances on the page; the CSV holds the whole history, one line per article. */
const REMITTANCES = 50;

/**
 * What a seller looks at first (Biller.codSummary): what is owed now, what is on its way, the last payment with its
 * UTR, and how many days delivery-to-remittance takes; then every remittance with its UTR and articles.
 */
export function BillerRemittances({ billerId, code }: { billerId: string; code: string }) {
  const client = useClient();
  const [{ data, error, fetching }] = useQuery({ query: op(BillerSummaryDocument), variables: { id: billerId, first: REMITTANCES } });
  const [csvProblems, setCsvProblems] = useState<Problem[]>([]);
  const summary = data?.biller?.codSummary;
  const remittances = data?.biller?.remittances.edges.map((edge) => edge.node) ?? [];
  const exportCsv = async () => {
    setCsvProblems([]);
    const result = await client.query(op(BillerRemittancesCsvDocument), { id: billerId }, { requestPolicy: 'network-only' }).toPromise();
    if (!result.data?.biller) return setCsvProblems(problemsOf(result.error));
    downloadText(`${code}-remittances.csv`, result.data.biller.remittancesCsv, 'text/csv;charset=utf-8');
  };
  if (!summary) return fetching ? <Loading what="Reading your summary" /> : <ProblemList problems={problemsOf(error)} />;
  const days = (value: string | null) => (value === null ? '—' : `${value} days`);
  return (
    <>
      <dl className="cod-summary" aria-label="Your COD summary">
        <div><dt>Available to remit</dt><dd><Money value={summary.available} /></dd></div>
        <div><dt>Pending (collected, not yet due)</dt><dd><Money value={summary.pending} /></dd></div>
        <div><dt>Remittance initiated</dt><dd><Money value={summary.initiated} /></dd></div>
        <div>
          <dt>Last remitted</dt>
          <dd>{summary.lastRemitted ? <><Money value={summary.lastRemitted.amount} /> on {formatDate(summary.lastRemitted.date)}, UTR <span className="mono">{summary.lastRemitted.utr}</span></> : 'Nothing yet'}</dd>
        </div>
        <div><dt>Remitted in the last 30 days</dt><dd><Money value={summary.remittedLast30Days} /></dd></div>
        <div><dt>Reversals</dt><dd><Money value={summary.reversals} /> ({summary.reversalCount})</dd></div>
        <div><dt>Average days to remittance</dt><dd>{days(summary.averageDaysToRemittance)}</dd></div>
        <div><dt>95th percentile days to remittance</dt><dd>{days(summary.p95DaysToRemittance)}</dd></div>
      </dl>
      <section aria-labelledby="biller-remittances-heading">
        <h2 id="biller-remittances-heading">Remittances</h2>
        <div className="actions">
          <Button onPress={() => void exportCsv()}>Export remittances (CSV)</Button>
        </div>
        <ProblemList problems={csvProblems} />
        {remittances.length === 0 ? <p>No remittances yet.</p> : (
          <table className="diff" aria-label="Your remittances">
            <thead>
              <tr>
                <th scope="col">Released</th>
                <th scope="col">Batch</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">Amount</th>
                <th scope="col">UTR</th>
                <th scope="col" className="numeric">Articles</th>
                <th scope="col">Article numbers</th>
              </tr>
            </thead>
            <tbody>
              {remittances.map((remittance) => (
                <tr key={remittance.payoutId}>
                  <td>{formatDate(remittance.releasedOn)}{remittance.outcomeOn ? `; ${formatDate(remittance.outcomeOn)}` : ''}</td>
                  <td className="mono">{remittance.batchReference}</td>
                  <td>{PAYOUT_STATUS_LABELS[remittance.status]}</td>
                  <td className="numeric"><Money value={remittance.amount} /></td>
                  <td className="mono">{remittance.utr ?? '—'}</td>
                  <td className="numeric">{remittance.articleCount.toLocaleString('en-IN')}</td>
                  <td className="mono">{remittance.articleNumbers.join(', ')}{remittance.articleCount > remittance.articleNumbers.length ? '…' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
