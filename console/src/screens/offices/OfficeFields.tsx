import { useId } from 'react';
import type { DeliveryShiftsInput, OfficeAddressInput } from '../../gql/graphql';
import { problemsFor, type Problem } from '../../api/problems';
import { fieldProblems } from './useOfficeAction';
import { TextField } from '../../ui/TextField';

/** An address as typed: every part a string, empty when left blank. */
export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  district: string;
  state: string;
}

export const EMPTY_ADDRESS: AddressDraft = { line1: '', line2: '', city: '', district: '', state: '' };

export function addressDraftOf(address: { line1: string; line2: string | null; city: string; district: string | null; state: string } | null): AddressDraft {
  if (!address) return EMPTY_ADDRESS;
  return { line1: address.line1, line2: address.line2 ?? '', city: address.city, district: address.district ?? '', state: address.state };
}

/** Null when nothing was typed (no address); otherwise the input, blank optional parts left out. */
export function addressInputOf(draft: AddressDraft): OfficeAddressInput | null {
  if (Object.values(draft).every((part) => part.trim() === '')) return null;
  return {
    line1: draft.line1,
    city: draft.city,
    state: draft.state,
    ...(draft.line2.trim() ? { line2: draft.line2 } : {}),
    ...(draft.district.trim() ? { district: draft.district } : {}),
  };
}

/** An address is all or nothing: once any part is typed, line 1, city and state are needed (the server's rule). */
export function addressGaps(draft: AddressDraft): Partial<Record<keyof AddressDraft, string>> {
  if (addressInputOf(draft) === null) return {};
  const gaps: Partial<Record<keyof AddressDraft, string>> = {};
  for (const part of ['line1', 'city', 'state'] as const) if (!draft[part].trim()) gaps[part] = 'Needed for an address.';
  return gaps;
}

/** The address parts' local errors out of a form's errors keyed `address.<part>`. */
export function addressLocal(errors: Record<string, string>): Partial<Record<keyof AddressDraft, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith('address.')).map(([key, message]) => [key.slice('address.'.length), message]));
}

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

export const DEFAULT_SHIFTS: DeliveryShiftsInput = { morning: true, evening: false, sundays: false, holidays: false };

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
