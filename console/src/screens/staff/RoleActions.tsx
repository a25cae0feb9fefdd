import { useState, type FormEvent, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { op } from '../../api/operation';
import { unclaimed } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { StaffGrantRoleDocument, StaffRevokeRoleDocument, type Role } from '../../gql/graphql';
import { roleName } from '../../session/permissions';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { ActionDialog, DialogButtons } from './ActionDialog';
import type { Person } from './StaffActions';
import { fieldProblems, localProblem, useCommand } from './useCommand';

/**
 * Asking for a role grant. A grant widens someone's rights, so it is never made here: the API answers a PENDING
 * approval request that a second administrator approves in the inbox (maker-checker), and the screen says so and
 * links to it. `grantable` is the roles they neither hold nor have waiting.
 */
export function GrantRoleAction({ person, grantable, done }: { person: Person; grantable: Role[]; done: (notice: ReactNode) => void }) {
  return (
    <ActionDialog label="Grant a role" title={`Grant a role to ${person.name}`}>
      {(close) => <GrantRoleForm person={person} grantable={grantable} close={close} done={done} />}
    </ActionDialog>
  );
}

function GrantRoleForm({ person, grantable, close, done }: { person: Person; grantable: Role[]; close: () => void; done: (notice: ReactNode) => void }) {
  const [role, setRole] = useState<Role | ''>(grantable[0] ?? '');
  const grant = useCommand(op(StaffGrantRoleDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === '') {
      grant.setProblems([localProblem('role', 'Choose a role.')]);
      return;
    }
    const data = await grant.run({ input: { username: person.username, role } });
    if (!data) return;
    close();
    const request = data.grantRole;
    done(
      <>
        The grant of {roleName(role)} to {person.name} is waiting for a second administrator’s approval ({request.status.toLowerCase()}, until{' '}
        {formatDateTime(request.expiresAt)}). They hold no new rights until it is approved. <Link to={`/approvals/${request.id}`}>Open the request</Link>
      </>,
    );
  };
  const roleProblems = fieldProblems(grant.problems, 'role');
  return (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <p>A grant is not made at once: it becomes a request that another administrator approves, and only then do they hold the role.</p>
      <SelectField
        label="Role"
        value={role}
        onChange={(value) => setRole(value as Role | '')}
        options={grantable.map((value) => ({ value, label: roleName(value) }))}
        anyLabel={null}
        isRequired
        error={roleProblems.map((problem) => problem.message).join(' ') || undefined}
      />
      <ProblemList problems={unclaimed(grant.problems, ['role'])} />
      <DialogButtons submitLabel="Ask for approval" busyLabel="Asking…" busy={grant.busy} close={close} />
    </Form>
  );
}

/** Taking a role away: it narrows rights, so it is direct (no second person), audited, and ends their sessions. */
export function RevokeRoleAction({ person, role, done }: { person: Person; role: Role; done: (notice: ReactNode) => void }) {
  return (
    <ActionDialog label={`Revoke ${roleName(role)}`} title={`Revoke ${roleName(role)} from ${person.name}`} variant="quiet">
      {(close) => <RevokeRoleForm person={person} role={role} close={close} done={done} />}
    </ActionDialog>
  );
}

function RevokeRoleForm({ person, role, close, done }: { person: Person; role: Role; close: () => void; done: (notice: ReactNode) => void }) {
  const revoke = useCommand(op(StaffRevokeRoleDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await revoke.run({ input: { username: person.username, role } })) {
      close();
      done(`${roleName(role)} is revoked from ${person.name}. Their open sessions have ended; they sign in again without it.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <p>
        It takes effect at once, with no second approval, and their open sessions end. Granting it again later needs a second administrator’s approval.
      </p>
      <ProblemList problems={revoke.problems} />
      <DialogButtons submitLabel={`Revoke ${roleName(role)}`} busyLabel="Revoking…" busy={revoke.busy} close={close} variant="danger" />
    </Form>
  );
}
