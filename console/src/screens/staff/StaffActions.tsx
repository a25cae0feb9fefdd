import { useState, type FormEvent, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { op } from '../../api/operation';
import { unclaimed } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import {
  StaffAssignDocument,
  StaffMarkLeftDocument,
  StaffReinstateDocument,
  StaffResetPasswordDocument,
  StaffSuspendDocument,
  StaffUpdateDocument,
  type StaffDetailQuery,
  type UpdateStaffInput,
} from '../../gql/graphql';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { ActionDialog, DialogButtons } from './ActionDialog';
import { DateField } from './DateField';
import { deliveryWords } from './labels';
import { OfficeCodeField } from './OfficeCodeField';
import { fieldProblems, localProblem, useCommand } from './useCommand';

export type Person = NonNullable<StaffDetailQuery['staff']>;

/** What every action form is given: the person, how to close its dialog, and where to say what happened. */
interface ActionProps {
  person: Person;
  close: () => void;
  done: (notice: ReactNode) => void;
}

/**
 * The staff.manage commands on one person, each behind its own button and dialog. The detail screen decides which
 * to offer (permission, status, never on oneself); the server decides whether each may run.
 */
export function StaffManageActions({ person, done }: { person: Person; done: (notice: ReactNode) => void }) {
  return (
    <>
      <ActionDialog label="Edit details" title={`Edit details of ${person.name}`}>
        {(close) => <EditDetailsForm person={person} close={close} done={done} />}
      </ActionDialog>
      <ActionDialog label="Assign to another office" title={`Assign ${person.name} to another office`}>
        {(close) => <AssignForm person={person} close={close} done={done} />}
      </ActionDialog>
      {person.status === 'ACTIVE' ? (
        <ActionDialog label="Suspend" title={`Suspend ${person.name}`}>
          {(close) => <SuspendForm person={person} close={close} done={done} />}
        </ActionDialog>
      ) : null}
      {person.status === 'SUSPENDED' ? (
        <ActionDialog label="Reinstate" title={`Reinstate ${person.name}`}>
          {(close) => <ReinstateForm person={person} close={close} done={done} />}
        </ActionDialog>
      ) : null}
      <ActionDialog label="Reset password" title={`Reset the password of ${person.name}`}>
        {(close) => <ResetPasswordForm person={person} close={close} done={done} />}
      </ActionDialog>
      <ActionDialog label="Mark as left" title={`Mark ${person.name} as left`} variant="danger" final>
        {(close) => <MarkLeftForm person={person} close={close} done={done} />}
      </ActionDialog>
    </>
  );
}

function EditDetailsForm({ person, close, done }: ActionProps) {
  const [name, setName] = useState(person.name);
  const [mobile, setMobile] = useState(person.mobile ?? '');
  const [email, setEmail] = useState(person.email ?? '');
  const update = useCommand(op(StaffUpdateDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: an absent field is left as it is, an emptied contact is cleared.
    const input: UpdateStaffInput = {};
    if (name.trim() !== person.name) input.name = name;
    if (mobile.trim() !== (person.mobile ?? '')) input.mobile = mobile.trim();
    if (email.trim() !== (person.email ?? '')) input.email = email.trim();
    if (Object.keys(input).length === 0) {
      update.setProblems([localProblem(undefined, 'Nothing has changed.')]);
      return;
    }
    if (await update.run({ id: person.id, input })) {
      close();
      done(`The details of ${name.trim() || person.name} are saved.`);
    }
  };
  const problems = update.problems;
  const edited = (setter: (value: string) => void, field: string) => (value: string) => {
    setter(value);
    update.clearField(field);
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
      <TextField label="Name" value={name} onChange={edited(setName, 'name')} isRequired autoFocus problems={fieldProblems(problems, 'name')} />
      <TextField
        label="Mobile"
        type="tel"
        description="International form, e.g. +919812345678. Empty clears it."
        value={mobile}
        onChange={edited(setMobile, 'mobile')}
        problems={fieldProblems(problems, 'mobile')}
      />
      <TextField label="E-mail" type="email" description="Empty clears it." value={email} onChange={edited(setEmail, 'email')} problems={fieldProblems(problems, 'email')} />
      <ProblemList problems={unclaimed(problems, ['name', 'mobile', 'email'])} />
      <DialogButtons submitLabel="Save" busyLabel="Saving…" busy={update.busy} close={close} />
    </Form>
  );
}

function AssignForm({ person, close, done }: ActionProps) {
  const [officeCode, setOfficeCode] = useState('');
  const assign = useCommand(op(StaffAssignDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (officeCode.trim() === '') {
      assign.setProblems([localProblem('officeCode', 'Required.')]);
      return;
    }
    const data = await assign.run({ id: person.id, officeCode: officeCode.trim() });
    if (data) {
      close();
      const office = data.assignStaff.office;
      done(`${person.name} now works at ${office.name} (${office.code}). Their open sessions have ended: they sign in again.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
      <p>
        They work at {person.office.name} ({person.office.code}) now. The history keeps where they were; their open sessions end, and they sign in again
        with the rights of the new office.
      </p>
      <OfficeCodeField
        label="New office code"
        value={officeCode}
        onChange={(code) => {
          setOfficeCode(code);
          assign.clearField('officeCode');
        }} problems={fieldProblems(assign.problems, 'officeCode')} autoFocus />
      <ProblemList problems={unclaimed(assign.problems, ['officeCode'])} />
      <DialogButtons submitLabel="Assign" busyLabel="Assigning…" busy={assign.busy} close={close} />
    </Form>
  );
}

const MAX_REASON = 500;

function SuspendForm({ person, close, done }: ActionProps) {
  const [reason, setReason] = useState('');
  const suspend = useCommand(op(StaffSuspendDocument));
  const tooLong = reason.trim().length > MAX_REASON ? `At most ${MAX_REASON} characters (${reason.trim().length} now).` : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      suspend.setProblems([localProblem('reason', 'Say why: the reason is recorded with the suspension.')]);
      return;
    }
    if (tooLong) return;
    if (await suspend.run({ id: person.id, reason })) {
      close();
      done(`${person.name} is suspended: they cannot sign in until reinstated, and their open sessions have ended.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
      <p>They cannot sign in until someone reinstates them; any session they have open ends at once.</p>
      <TextField
        label="Reason"
        description={`Recorded with the suspension and in the audit trail; at most ${MAX_REASON} characters.`}
        value={reason}
        onChange={(value) => {
          setReason(value);
          suspend.clearField('reason');
        }}
        isRequired
        autoFocus
        localError={tooLong}
        problems={fieldProblems(suspend.problems, 'reason')}
      />
      <ProblemList problems={unclaimed(suspend.problems, ['reason'])} />
      <DialogButtons submitLabel="Suspend" busyLabel="Suspending…" busy={suspend.busy} close={close} variant="danger" />
    </Form>
  );
}

function ReinstateForm({ person, close, done }: ActionProps) {
  const reinstate = useCommand(op(StaffReinstateDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await reinstate.run({ id: person.id })) {
      close();
      done(`${person.name} is active again and may sign in.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <p>
        Suspended{person.suspensionReason ? ` for: “${person.suspensionReason}”` : ''}. Reinstated, they may sign in again with the roles they hold.
      </p>
      <ProblemList problems={reinstate.problems} />
      <DialogButtons submitLabel="Reinstate" busyLabel="Reinstating…" busy={reinstate.busy} close={close} />
    </Form>
  );
}

function ResetPasswordForm({ person, close, done }: ActionProps) {
  const reset = useCommand(op(StaffResetPasswordDocument));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await reset.run({ id: person.id });
    if (data) {
      close();
      done(`A new temporary password for ${person.name} was sent ${deliveryWords(data.resetPassword.temporaryPasswordSentTo)}. It is not shown here; they must change it when they sign in.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <p>
        A new temporary password is sent to them, never to you. Their current password stops working, their open sessions end, and a lockout after failed
        sign-ins is lifted.
      </p>
      <ProblemList problems={reset.problems} />
      <DialogButtons submitLabel="Reset and send" busyLabel="Sending…" busy={reset.busy} close={close} />
    </Form>
  );
}

function MarkLeftForm({ person, close, done }: ActionProps) {
  const today = operatorToday();
  const [leftOn, setLeftOn] = useState(today);
  const markLeft = useCommand(op(StaffMarkLeftDocument));
  // The server's rule (a leaving date is today or earlier, in the operator's zone), checked here before sending.
  const future = leftOn > today ? 'The leaving date cannot be in the future.' : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (leftOn === '') {
      markLeft.setProblems([localProblem('leftOn', 'Required: their last working day.')]);
      return;
    }
    if (future) return;
    if (await markLeft.run({ id: person.id, leftOn })) {
      close();
      done(`${person.name} is marked as left on ${formatDate(leftOn)}. The record is final and stays for the audit trail.`);
    }
  };
  return (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <p className="staff-final">
        <strong>This is final.</strong> Once marked as left, {person.name} can never sign in again and their record can never be changed, reinstated or
        assigned. It stays for the audit trail.
      </p>
      <DateField
        label="Last working day"
        value={leftOn}
        onChange={(day) => {
          setLeftOn(day);
          markLeft.clearField('leftOn');
        }}
        max={today}
        isRequired
        localError={future}
        problems={fieldProblems(markLeft.problems, 'leftOn')}
      />
      <ProblemList problems={unclaimed(markLeft.problems, ['leftOn'])} />
      <DialogButtons submitLabel="Mark as left, finally" busyLabel="Marking…" busy={markLeft.busy} close={close} variant="danger" />
    </Form>
  );
}
