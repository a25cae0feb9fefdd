import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { StaffDetailDocument, StaffPendingGrantsDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can, roleName } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { deliveryWords, officeTypeWord, permissionWords, rolesFor, scopeWord, statusWord } from './labels';
import { isCreatedNotice } from './notices';
import { GrantRoleAction, RevokeRoleAction } from './RoleActions';
import { StaffManageActions, type Person } from './StaffActions';
import './staff.css';

/** The pending grants' query also refreshes after a grant (the answer is an ApprovalRequest, which an empty list lacks). */
const PENDING_CONTEXT = { additionalTypenames: ['ApprovalRequest'] };

/**
 * One member of staff: who they are, where they work, their status, their roles and what those allow, grants waiting
 * for approval, and where they have worked. The actions shown are those the signed-in person's grants allow, never on
 * their own record (the API forbids it: nobody manages themselves or changes their own roles), and none on a leaver.
 */
export default function StaffDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: op(StaffDetailDocument), variables: { id } });
  const [pending] = useQuery({ query: op(StaffPendingGrantsDocument), variables: { staffId: id }, context: PENDING_CONTEXT });

  const created = isCreatedNotice(location.state) ? location.state : undefined;
  const [notice, setNotice] = useState<ReactNode>(
    created ? (
      <>
        {created.name} is created, with no roles yet. Their temporary password was sent {deliveryWords(created.delivery)}; it is never shown here.
        Grant them a role below: a second administrator approves it.
      </>
    ) : null,
  );
  const noticeRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  // Said once: a reload of the page does not announce the creation again.
  useEffect(() => {
    if (created) void navigate(location.pathname, { replace: true, state: null });
  }, [created, navigate, location.pathname]);
  const done = useCallback((next: ReactNode) => {
    setNotice(next);
    // The dialog returns focus to its button, which the change may have removed (Suspend becomes Reinstate): the
    // outcome is where the person's attention goes next.
    requestAnimationFrame(() => noticeRef.current?.focus());
  }, []);

  if (!data && fetching) return <Loading what="Loading the member of staff" />;
  const person = data?.staff;
  if (!person) {
    return (
      <>
        <PageHeader title="Member of staff not found" />
        <ProblemList problems={problemsOf(error)} />
        {!error ? <p>There is nobody with this id that you may see.</p> : null}
        <Link to="/staff">Back to staff</Link>
      </>
    );
  }

  const self = person.id === me.id;
  const left = person.status === 'LEFT';
  const mayManage = can(me, 'staff.manage') && !self && !left;
  // A leaver's record is final (the schema: "never signs in or changes again"), roles included.
  const mayChangeRoles = can(me, 'role.grant') && !self && !left;
  const pendingGrants = (pending.data?.approvalRequests.edges ?? []).map((edge) => edge.node);
  const pendingRoles = new Set(pendingGrants.map((request) => String(request.payload.role ?? '')));
  const grantable = rolesFor(person).filter((role) => !person.roles.includes(role) && !pendingRoles.has(role));

  return (
    <>
      <PageHeader
        title={person.name}
        subtitle={
          <>
            <span className="mono">{person.username}</span> · employee id <span className="mono">{person.employeeId}</span> ·{' '}
            <span className={`status status-${person.status.toLowerCase()}`}>{statusWord(person.status)}</span>
          </>
        }
        actions={mayManage ? <StaffManageActions person={person} done={done} /> : null}
      />
      <nav aria-label="Breadcrumb" className="staff-breadcrumb">
        <Link to="/staff">Staff</Link> › {person.username}
      </nav>
      <div ref={noticeRef} tabIndex={-1} role="status" aria-live="polite" className={notice ? 'notice staff-notice' : 'staff-notice-empty'}>
        {notice}
      </div>
      <ProblemList problems={problemsOf(error)} />
      {self ? (
        <p className="staff-hint">
          This is you. Nobody manages their own record or changes their own roles: another administrator does that. Your password is changed from the header.
        </p>
      ) : null}
      {left ? <p className="staff-hint">Left on {formatDate(person.leftOn)}: the record is final and nothing on it can change.</p> : null}

      <div className="staff-columns">
        <section aria-labelledby="staff-identity">
          <h2 id="staff-identity">Identity</h2>
          <dl className="detail-grid">
            <dt>Employee id</dt>
            <dd className="mono">{person.employeeId}</dd>
            <dt>Username</dt>
            <dd className="mono">{person.username}</dd>
            <dt>Name</dt>
            <dd>{person.name}</dd>
            <dt>Mobile</dt>
            <dd>{person.mobile ?? <span className="staff-muted">Not given</span>}</dd>
            <dt>E-mail</dt>
            <dd>{person.email ?? <span className="staff-muted">Not given</span>}</dd>
            {person.billerCode ? (
              <>
                <dt>Acts for biller</dt>
                <dd className="mono">{person.billerCode}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="staff-status">
          <h2 id="staff-status">Office and status</h2>
          <StatusFacts person={person} />
        </section>
      </div>

      <section aria-labelledby="staff-roles">
        <h2 id="staff-roles">Roles</h2>
        {person.roles.length === 0 ? <p>No roles: they hold no rights anywhere until a grant is approved.</p> : null}
        <ul className="staff-roles">
          {person.roles.map((role) => (
            <li key={role}>
              <span className="staff-role">{roleName(role)}</span> <code>{role}</code>
              {mayChangeRoles ? <RevokeRoleAction person={person} role={role} done={done} /> : null}
            </li>
          ))}
        </ul>
        {mayChangeRoles && person.status === 'ACTIVE' && grantable.length > 0 ? <GrantRoleAction person={person} grantable={grantable} done={done} /> : null}
        {mayChangeRoles && person.status === 'SUSPENDED' ? <p className="staff-muted">Roles are granted only to active staff: reinstate them first.</p> : null}
      </section>

      <PendingGrants requests={pendingGrants} problems={problemsOf(pending.error)} />

      <section aria-labelledby="staff-grants">
        <h2 id="staff-grants">What their roles allow</h2>
        {person.grants.length === 0 ? (
          <p>Nothing.</p>
        ) : (
          <table className="staff-table">
            <caption className="visually-hidden">Permissions their roles give, and how far each reaches</caption>
            <thead>
              <tr>
                <th scope="col">Permission</th>
                <th scope="col">Code</th>
                <th scope="col">Reaches</th>
              </tr>
            </thead>
            <tbody>
              {person.grants.map((grant) => (
                <tr key={grant.permission}>
                  <td>{permissionWords(grant.permission)}</td>
                  <td>
                    <code>{grant.permission}</code>
                  </td>
                  <td>{scopeWord(grant.scope)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="staff-assignments">
        <h2 id="staff-assignments">Assignment history</h2>
        <Assignments assignments={person.assignments} />
      </section>
    </>
  );
}

function StatusFacts({ person }: { person: Person }) {
  const lockedUntil = person.lockedUntil && new Date(person.lockedUntil).getTime() > Date.now() ? person.lockedUntil : null;
  return (
    <dl className="detail-grid">
      <dt>Office</dt>
      <dd>
        <Link to={`/offices/${encodeURIComponent(person.office.code)}`}>
          {person.office.name} ({person.office.code})
        </Link>{' '}
        <span className="staff-muted">{officeTypeWord(person.office.type)}</span>
      </dd>
      <dt>Status</dt>
      <dd>
        <span className={`status status-${person.status.toLowerCase()}`}>{statusWord(person.status)}</span>
      </dd>
      {person.status === 'SUSPENDED' ? (
        <>
          <dt>Suspended since</dt>
          <dd>{formatDateTime(person.suspendedAt)}</dd>
          <dt>Suspension reason</dt>
          <dd>{person.suspensionReason}</dd>
        </>
      ) : null}
      {person.status === 'LEFT' ? (
        <>
          <dt>Left on</dt>
          <dd>{formatDate(person.leftOn)}</dd>
        </>
      ) : null}
      <dt>Locked</dt>
      <dd>{lockedUntil ? `Until ${formatDateTime(lockedUntil)} (failed sign-ins; a password reset lifts it)` : 'No'}</dd>
      <dt>Last sign-in</dt>
      <dd>{person.lastLoginAt ? formatDateTime(person.lastLoginAt) : 'Never'}</dd>
      <dt>Must change password</dt>
      <dd>{person.mustChangePassword ? 'Yes: their password is a temporary one' : 'No'}</dd>
    </dl>
  );
}

type PendingRequest = { id: string; summary: string; payload: Record<string, unknown>; createdAt: string; expiresAt: string; maker: { username: string } };

function PendingGrants({ requests, problems }: { requests: PendingRequest[]; problems: ReturnType<typeof problemsOf> }) {
  if (requests.length === 0 && problems.length === 0) return null;
  return (
    <section aria-labelledby="staff-pending">
      <h2 id="staff-pending">Role grants waiting for approval</h2>
      <ProblemList problems={problems} />
      <ul className="staff-pending">
        {requests.map((request) => (
          <li key={request.id}>
            <span className="status status-pending">Pending</span> {roleName(String(request.payload.role ?? ''))}: asked by{' '}
            <span className="mono">{request.maker.username}</span> on {formatDateTime(request.createdAt)}, open until {formatDateTime(request.expiresAt)}.{' '}
            <Link to={`/approvals/${request.id}`}>Open the request{' '}<span className="visually-hidden">{request.summary}</span></Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Assignments({ assignments }: { assignments: Person['assignments'] }) {
  if (assignments.length === 0) return <p>No assignments recorded.</p>;
  return (
    <table className="staff-table">
      <caption className="visually-hidden">Where they have worked, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Office</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Assigned by</th>
        </tr>
      </thead>
      <tbody>
        {assignments.map((assignment) => (
          <tr key={`${assignment.officeCode}-${assignment.from}`}>
            <td>
              {assignment.office ? (
                <Link to={`/offices/${encodeURIComponent(assignment.office.code)}`}>
                  {assignment.office.name} ({assignment.office.code})
                </Link>
              ) : (
                <span className="mono">{assignment.officeCode}</span>
              )}
            </td>
            <td>{formatDateTime(assignment.from)}</td>
            <td>{assignment.to ? formatDateTime(assignment.to) : <span className="status status-active">Current</span>}</td>
            <td>
              {assignment.assignedBy ? (
                <Link to={`/staff/${assignment.assignedBy.id}`}>{assignment.assignedBy.name}</Link>
              ) : (
                <span className="staff-muted">The system, or someone outside your view</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

