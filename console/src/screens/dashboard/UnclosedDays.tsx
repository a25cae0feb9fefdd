import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { DashboardUnclosedDaysDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';
import { nextDay } from '../journal/days';

/**
 * Offices of the person's scope that have not closed today's business day (officesNotClosedThrough with the
 * operator's today), with how far behind each is: an office whose yesterday is still open is overdue.
 */
export function UnclosedDays() {
  const me = useMe();
  const today = operatorToday();
  const [{ data, fetching, error }] = useQuery({ query: op(DashboardUnclosedDaysDocument), variables: { date: today } });
  const page = data?.officesNotClosedThrough;
  const mayClose = can(me, 'ledger.day.close');
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-days-heading">
      <h2 id="dashboard-days-heading">Business days not closed</h2>
      {fetching && !data ? <Loading what="Reading the offices' business days" /> : null}
      <ProblemList problems={problemsOf(error)} />
      {page ? (
        <>
          <p className="dashboard-figure">
            <span className="dashboard-figure-label">Offices still to close {formatDate(today)}</span>
            <span className="dashboard-count" data-testid="offices-not-closed">
              {page.totalCount.toLocaleString('en-IN')}
            </span>
          </p>
          {page.edges.length > 0 ? (
            <table className="dashboard-table">
              <caption className="visually-hidden">Offices whose business day is not closed, by code</caption>
              <thead>
                <tr>
                  <th scope="col">Office</th>
                  <th scope="col">Last day closed</th>
                  {mayClose ? (
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: office }) => {
                  // Today's day is normally open until the evening; a day before it still open is overdue. An office
                  // that never closed has no day to count from: "never closed" says it.
                  const overdue = office.closedThrough !== null && nextDay(office.closedThrough) < today;
                  return (
                    <tr key={office.code}>
                      <th scope="row">
                        <span className="mono">{office.code}</span> <span className="dashboard-muted">{office.name}</span>
                      </th>
                      <td>
                        {office.closedThrough ? formatDate(office.closedThrough) : 'never closed'}
                        {overdue ? <span className="status status-pending dashboard-overdue">overdue</span> : null}
                      </td>
                      {mayClose ? (
                        <td>
                          <Link to={`/journal/close-day?office=${encodeURIComponent(office.code)}`} aria-label={`Close day for ${office.code}`}>
                            Close day
                          </Link>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p>Every office in your scope has closed today.</p>
          )}
          {page.pageInfo.hasNextPage ? <p className="dashboard-muted">The first {page.edges.length} by office code.</p> : null}
        </>
      ) : null}
    </section>
  );
}
