import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { isCode, unclaimed } from '../../api/problems';
import { StaffCreateDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { OfficeCodeField } from './OfficeCodeField';
import type { CreatedNotice } from './notices';
import { fieldProblems, localProblem, useCommand } from './useCommand';
import './staff.css';

/** The fields of CreateStaffInput, named as the API names them in `extensions.field`. */
const FIELDS = ['employeeId', 'username', 'name', 'officeCode', 'mobile', 'email', 'billerCode'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: Field[] = ['employeeId', 'username', 'name', 'officeCode'];

/**
 * Taking someone on: the record is created with no roles (a role is granted afterwards, and a second administrator
 * approves it), and their temporary password goes to them through the notifier. This screen never sees the password:
 * the API answers only where it was sent.
 */
export default function StaffCreate() {
  const me = useMe();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({
    employeeId: '',
    username: '',
    name: '',
    officeCode: me.office.code,
    mobile: '',
    email: '',
    billerCode: '',
  });
  const create = useCommand(op(StaffCreateDocument));
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    create.clearField(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = REQUIRED.filter((field) => values[field].trim() === '');
    if (missing.length > 0) {
      create.setProblems(missing.map((field) => localProblem(field, 'Required.')));
      return;
    }
    const data = await create.run({
      input: {
        employeeId: values.employeeId.trim(),
        username: values.username.trim(),
        name: values.name.trim(),
        officeCode: values.officeCode.trim().toUpperCase(),
        ...(values.mobile.trim() ? { mobile: values.mobile.trim() } : {}),
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.billerCode.trim() ? { billerCode: values.billerCode.trim() } : {}),
      },
    });
    if (!data) return;
    const { staff, temporaryPasswordSentTo } = data.createStaff;
    const notice: CreatedNotice = { kind: 'created', name: staff.name, delivery: temporaryPasswordSentTo };
    void navigate(`/staff/${staff.id}`, { state: notice });
  };

  if (!can(me, 'staff.manage')) {
    return (
      <>
        <PageHeader title="New member of staff" />
        <p role="alert">You may not take on staff: that needs the staff.manage permission.</p>
        <Link to="/staff">Back to staff</Link>
      </>
    );
  }

  const problems = create.problems;
  return (
    <>
      <PageHeader title="New member of staff" subtitle="They start with no roles: grant one afterwards, and a second administrator approves it." />
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria" aria-label="New member of staff">
        <div className="form-row">
          <TextField
            label="Employee id"
            description="8 digits."
            value={values.employeeId}
            onChange={set('employeeId')}
            isRequired
            inputMode="numeric"
            inputClassName="mono"
            autoComplete="off"
            problems={fieldProblems(problems, 'employeeId')}
          />
          <TextField
            label="Username"
            description="2 to 40 lower-case letters, digits, dots, dashes or underscores."
            value={values.username}
            onChange={set('username')}
            isRequired
            autoComplete="off"
            spellCheck="false"
            problems={fieldProblems(problems, 'username')}
          />
        </div>
        <TextField label="Name" value={values.name} onChange={set('name')} isRequired autoComplete="off" problems={fieldProblems(problems, 'name')} />
        <OfficeCodeField value={values.officeCode} onChange={set('officeCode')} problems={fieldProblems(problems, 'officeCode')} />
        <div className="form-row">
          <TextField
            label="Mobile"
            description="International form, e.g. +919812345678."
            type="tel"
            value={values.mobile}
            onChange={set('mobile')}
            autoComplete="off"
            problems={fieldProblems(problems, 'mobile')}
          />
          <TextField label="E-mail" type="email" value={values.email} onChange={set('email')} autoComplete="off" problems={fieldProblems(problems, 'email')} />
        </div>
        <TextField
          label="Biller code"
          description="Only for one of a biller's own people (a seller's staff), e.g. BL000001: they can then be granted the Biller role and no other. Leave empty for the post office's staff."
          value={values.billerCode}
          onChange={set('billerCode')}
          autoComplete="off"
          spellCheck="false"
          inputClassName="mono"
          problems={fieldProblems(problems, 'billerCode')}
        />
        <p className="field-description">Their temporary password is sent to them (by SMS or e-mail, as this system is set up). You will not see it.</p>
        <ProblemList problems={unclaimed(problems, [...FIELDS])} />
        {isCode(problems, 'NOTIFICATION_FAILED') ? (
          <p className="staff-hint">
            The record was saved, but the password did not reach them. Find them in the <Link to={`/staff?search=${encodeURIComponent(values.username.trim())}`}>staff list</Link> and
            reset their password to send a new one.
          </p>
        ) : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create and send password'}
          </Button>
          <Link to="/staff" className="button button-quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
