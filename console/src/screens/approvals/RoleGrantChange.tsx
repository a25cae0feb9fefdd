import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { ApprovalGrantPersonDocument } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { roleName } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';
import type { RoleGrantPayload } from './payload-kinds';

const roleList = (roles: readonly string[]) => (roles.length === 0 ? 'No role' : roles.map(roleName).join(', '));

/** What execution recorded: the person's roles just before and just after the grant (administration's result). */
function executedRoles(result: Record<string, unknown> | null): { before: string[]; after: string[] } | null {
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!result || !strings(result.rolesBefore) || !strings(result.rolesAfter)) return null;
  return { before: result.rolesBefore, after: result.rolesAfter };
}

/**
 * A role grant as what it changes: the person (as they are now, when the reader may see them) and their roles before
 * and after. Before it is executed the person's current roles are the "before"; once it has been, their current
 * roles already include it, so the screen says what was asked for and what they hold now rather than guess.
 */
export function RoleGrantChange({ payload, status, result }: { payload: RoleGrantPayload; status: string; result: Record<string, unknown> | null }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: op(ApprovalGrantPersonDocument), variables: { id: payload.staffId } });
  // Executing the grant changes the person, which the approve mutation's answer does not carry: read them again.
  const seenStatus = useRef(status);
  useEffect(() => {
    if (seenStatus.current === status) return;
    seenStatus.current = status;
    reexecute({ requestPolicy: 'network-only' });
  }, [status, reexecute]);
  const person = data?.staff ?? null;
  const open = status === 'PENDING' || status === 'APPROVED';
  const executed = status === 'EXECUTED' ? executedRoles(result) : null;
  const before = open ? (person?.roles ?? null) : (executed?.before ?? null);
  const after = open ? (person ? [...new Set([...person.roles, payload.role])] : null) : (executed?.after ?? null);
  return (
    <>
      <dl className="detail-grid">
        <dt>Person</dt>
        <dd>
          {person ? (
            <>
              {person.name} (<span className="mono">{person.username}</span>), employee id <span className="mono">{person.employeeId}</span>
              {person.status !== 'ACTIVE' ? <span className={`status status-${person.status.toLowerCase()}`}> {person.status}</span> : null}
            </>
          ) : (
            <span className="mono">{payload.username}</span>
          )}
        </dd>
        <dt>Their office</dt>
        <dd>{person ? `${person.office.name} (${person.office.code})` : <span className="mono">{payload.officeCode}</span>}</dd>
        {payload.billerCode ? (
          <>
            <dt>Acts for biller</dt>
            <dd className="mono">{payload.billerCode}</dd>
          </>
        ) : null}
        <dt>Role to grant</dt>
        <dd>
          <strong>{roleName(payload.role)}</strong> <span className="mono muted">{payload.role}</span>
        </dd>
      </dl>
      {fetching && !data ? <Loading what="Reading the person's roles" /> : null}
      <ProblemList problems={problemsOf(error)} />
      {before && after ? (
        <table className="diff">
          <caption className="visually-hidden">
            Roles of {person?.name ?? payload.username}, before and after the grant{executed ? ', as executed' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            <tr className="changed">
              <th scope="row">Roles</th>
              <td className="before">{roleList(before)}</td>
              <td className="after">{roleList(after)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {person && open && (person.roles as readonly string[]).includes(payload.role) ? (
        <p className="notice-warn" role="note">
          {person.name} already holds this role; executing the grant will be refused (ROLE_ALREADY_HELD).
        </p>
      ) : null}
      {person && !open ? (
        <dl className="detail-grid">
          <dt>Roles now</dt>
          <dd>{roleList(person.roles)}</dd>
        </dl>
      ) : null}
      {!person && !fetching && !error ? <p className="muted">The person is not someone you may look up, so their current roles are not shown.</p> : null}
    </>
  );
}
