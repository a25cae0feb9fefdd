import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { DashboardApprovalsDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';

/** The permission a checker of each kind needs (the approvals inbox's rule; the server decides). */
const APPROVER_PERMISSION: Record<string, string> = {
  ROLE_GRANT: 'role.approve',
  MANUAL_JOURNAL: 'journal.manual.approve',
  MO_REFUND: 'mo.refund.approve',
  SETTLEMENT_RELEASE: 'cod.settlement.approve',
};
const SHOWN = 5;

const KIND_NAMES: Record<string, string> = {
  ROLE_GRANT: 'Role grant',
  MANUAL_JOURNAL: 'Manual journal',
  MO_REFUND: 'Money-order refund',
  SETTLEMENT_RELEASE: 'Settlement release',
};

/**
 * Pending requests the person could decide: in their approval.read scope, of a kind they may approve, and not their
 * own (a maker never approves their own request). Counted over the first 100 pending, newest first.
 */
export function ApprovalsWaiting() {
  const me = useMe();
  const [{ data, fetching, error }] = useQuery({ query: op(DashboardApprovalsDocument) });
  const pending = data?.approvalRequests.edges.map((edge) => edge.node) ?? [];
  const forMe = pending.filter((request) => request.maker.id !== me.id && can(me, APPROVER_PERMISSION[request.kind] ?? '-'));
  const mine = pending.filter((request) => request.maker.id === me.id);
  const more = data?.approvalRequests.pageInfo.hasNextPage ?? false;
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
                    · {KIND_NAMES[request.kind] ?? request.kind} · {request.officeCode} · by {request.maker.username}, {formatDateTime(request.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing is waiting for you.</p>
          )}
          {mine.length > 0 ? (
            <p className="dashboard-muted">
              {mine.length} of your own {mine.length === 1 ? 'request is' : 'requests are'} waiting for someone else.
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
