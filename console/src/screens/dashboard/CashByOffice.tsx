import { useMemo } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatMoney } from '../../format/money';
import { DashboardCounterCashDocument, DashboardPostmanCashDocument } from '../../gql/graphql';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { BarChart } from './BarChart';
import { cashByOffice, totalCash } from './cash';

/** How many offices the chart draws; the table lists every office read. */
const CHART_ROWS = 12;
/** The operations' page size. */
const PAGE = 100;

const SERIES = [
  { id: 'counter', label: 'Cash on hand (counter)' },
  { id: 'postman', label: 'Postman cash in hand' },
];

/**
 * Cash in hand by office, for the person's ledger.read scope: the counter's cash and the cash postmen carry. A picture
 * first (which offices hold the most, at a glance), then the same figures in a table.
 */
export function CashByOffice() {
  const [counter] = useQuery({ query: op(DashboardCounterCashDocument) });
  const [postman] = useQuery({ query: op(DashboardPostmanCashDocument) });
  const data = counter.data && postman.data ? { counterCash: counter.data.accounts, postmanCash: postman.data.accounts } : undefined;
  const fetching = counter.fetching || postman.fetching;
  const error = counter.error ?? postman.error;
  const rows = useMemo(() => (data ? cashByOffice(data.counterCash.edges.map((edge) => edge.node), data.postmanCash.edges.map((edge) => edge.node)) : []), [data]);
  // A full page may not be the whole scope (the queries carry no pageInfo, to stay within the cost limit).
  const more = Boolean(data && (data.counterCash.edges.length >= PAGE || data.postmanCash.edges.length >= PAGE));
  const currencies = [...new Set(rows.map((row) => row.currency))];
  return (
    <section className="dashboard-section dashboard-cash" aria-labelledby="dashboard-cash-heading">
      <h2 id="dashboard-cash-heading">Cash in hand by office</h2>
      {fetching && !data ? <Loading what="Reading the offices' cash" /> : null}
      <ProblemList problems={problemsOf(error)} />
      {data && rows.length === 0 ? <p>No office in your scope keeps cash accounts.</p> : null}
      {currencies.map((currency) => {
        const inCurrency = rows.filter((row) => row.currency === currency);
        const drawn = inCurrency.slice(0, CHART_ROWS);
        const total = totalCash(inCurrency, currency);
        const top = drawn[0];
        return (
          <div key={currency} className="dashboard-cash-currency">
            <p className="dashboard-figure">
              <span className="dashboard-figure-label">Total cash in hand ({inCurrency.length} {inCurrency.length === 1 ? 'office' : 'offices'}{more ? ', first 100 by account' : ''})</span>
              <Money value={{ amount: total, currency }} />
            </p>
            <BarChart
              title={`Cash in hand by office, ${currency}`}
              description={
                top
                  ? `Bars for the ${drawn.length} offices holding the most cash, largest first; ${top.officeName} (${top.officeCode}) holds ${formatMoney({ amount: top.total, currency })} ${currency}. The table that follows lists every office's figures.`
                  : 'No cash.'
              }
              series={SERIES}
              rows={drawn.map((row) => ({
                key: row.officeCode,
                label: row.officeCode,
                total: row.total,
                totalText: `${formatMoney({ amount: row.total, currency })} ${currency}`,
                segments: [
                  { amount: row.counter, series: 'counter' },
                  { amount: row.postman, series: 'postman' },
                ],
              }))}
            />
            <div className="dashboard-table-scroll">
              <table className="dashboard-table">
                <caption className="visually-hidden">Cash in hand by office, {currency}, largest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Office</th>
                    <th scope="col" className="numeric">
                      Counter
                    </th>
                    <th scope="col" className="numeric">
                      Postmen
                    </th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {inCurrency.map((row) => (
                    <tr key={row.officeCode}>
                      <th scope="row">
                        <span className="mono">{row.officeCode}</span> <span className="dashboard-muted">{row.officeName}</span>
                      </th>
                      <td className="numeric">
                        <Money value={{ amount: row.counter, currency }} showCurrency={false} />
                      </td>
                      <td className="numeric">
                        <Money value={{ amount: row.postman, currency }} showCurrency={false} />
                      </td>
                      <td className="numeric">
                        <Money value={{ amount: row.total, currency }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
