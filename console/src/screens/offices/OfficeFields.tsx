import { useId } from 'react';
import type { DeliveryShiftsInput } from '../../gql/graphql';
import type { AddressDraft } from './office-drafts';
import { problemsFor, type Problem } from '../../api/problems';
import { fieldProblems } from './office-problems';
import { TextField } from '../../ui/TextField';

/** The address's parts, each labelled, each with its own problems (`address.line1` ...). */
export function AddressFields({
  value,
  onChange,
  problems,
  localErrors = {},
}: {
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  problems: Problem[];
  localErrors?: Partial<Record<keyof AddressDraft, string>>;
}) {
  const part = (name: keyof AddressDraft, label: string, description?: string) => (
    <TextField
      label={label}
      {...(description ? { description } : {})}
      value={value[name]}
      onChange={(text) => onChange({ ...value, [name]: text })}
      problems={fieldProblems(problems, `address.${name}`)}
      localError={localErrors[name]}
    />
  );
  return (
    <fieldset className="offices-fieldset">
      <legend>Address</legend>
      <div className="form-row">
        {part('line1', 'Address line 1')}
        {part('line2', 'Address line 2', 'Optional')}
      </div>
      <div className="form-row">
        {part('city', 'City')}
        {part('district', 'District', 'Optional')}
        {part('state', 'State')}
      </div>
      {problemsFor(problems, 'address')
        .filter((problem) => problem.field === 'address' || problem.field?.endsWith('.address'))
        .map((problem, index) => (
          <p key={index} className="field-error" role="alert">
            {problem.message} <code className="problem-code">{problem.code}</code>
          </p>
        ))}
    </fieldset>
  );
}

const SHIFTS: { name: keyof DeliveryShiftsInput; label: string }[] = [
  { name: 'morning', label: 'Morning beat' },
  { name: 'evening', label: 'Evening beat' },
  { name: 'sundays', label: 'Also on Sundays' },
  { name: 'holidays', label: 'Also on holidays' },
];

/** When the office delivers: native checkboxes in a fieldset (the platform's keyboard: Tab between them, Space). */
export function ShiftsFields({ value, onChange, problems }: { value: DeliveryShiftsInput; onChange: (value: DeliveryShiftsInput) => void; problems: Problem[] }) {
  const id = useId();
  const messages = fieldProblems(problems, 'deliveryShifts');
  return (
    <fieldset className="offices-fieldset" aria-describedby={messages.length > 0 ? `${id}-error` : undefined}>
      <legend>Delivery shifts</legend>
      <div className="offices-checkboxes">
        {SHIFTS.map((shift) => (
          <label key={shift.name} className="offices-checkbox">
            <input type="checkbox" checked={value[shift.name]} onChange={(event) => onChange({ ...value, [shift.name]: event.target.checked })} />
            {shift.label}
          </label>
        ))}
      </div>
      {messages.length > 0 ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {messages.map((problem) => problem.message).join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
