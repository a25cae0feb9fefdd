import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { DashboardApprovalsDocument } from '../../gql/graphql';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';

const SHOWN = 5;

const KIND_NAMES: Record<string, string> = {
  ROLE_GRANT: 'Role grant',
  MANUAL_JOURNAL: 'Manual journal',
  MO_REFUND: 'Money-order refund',
  SETTLEMENT_RELEASE: 'Settlement release',
};

/**
 * Pending requests the person could decide (the server's waitingForMe: in scope, of a kind they may approve, not their
 * own), the newest first, and how many of their own wait for someone else. Counted up to a page of 20 each ("20+").
 */
export function ApprovalsWaiting() {
  const [{ data, fetching, error }] = useQuery({ query: op(DashboardApprovalsDocument) });
  const forMe = data?.waiting.edges.map((edge) => edge.node) ?? [];
  const mine = data?.mine.edges ?? [];
  const more = data?.waiting.pageInfo.hasNextPage ?? false;
  const moreMine = data?.mine.pageInfo.hasNextPage ?? false;
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-approvals-heading">
      <h2 id="dashboard-approvals-heading">Approvals waiting for you</h2>
      {fetching && !data ? <Loading what="Reading the approvals inbox" /> : null}
      <ProblemList problems={problemsOf(error)} />
      {data ? (
        <>
          <p className="dashboard-figure">
            <span className="dashboard-figure-label">Waiting for your decision</span>
            <span className="dashboard-count" data-testid="approvals-waiting">
              {forMe.length}
              {more ? '+' : ''}
            </span>
          </p>
          {forMe.length > 0 ? (
            <ul className="dashboard-list">
              {forMe.slice(0, SHOWN).map((request) => (
                <li key={request.id}>
                  <Link to={`/approvals/${request.id}`}>{request.summary}</Link>
                  <span className="dashboard-muted">
                    {' '}
                    · {KIND_NAMES[request.kind] ?? request.kind} · {request.officeCode} · {formatDateTime(request.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing is waiting for you.</p>
          )}
          {mine.length > 0 ? (
            <p className="dashboard-muted">
              {mine.length}
              {moreMine ? '+' : ''} of your own {mine.length === 1 && !moreMine ? 'request is' : 'requests are'} waiting for someone else.
            </p>
          ) : null}
          <p>
            <Link to="/approvals">Open the approvals inbox</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
