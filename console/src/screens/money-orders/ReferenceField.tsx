import type { Problem } from '../../api/problems';
import { TextField } from '../../ui/TextField';

/** The 18-digit reference, typed or pasted as printed (spaces allowed), checked by its Luhn digit as it is typed. */
export function ReferenceField({ value, onChange, problems, localError, isDisabled, autoFocus }: { value: string; onChange: (value: string) => void; problems?: Problem[]; localError?: string | undefined; isDisabled?: boolean; autoFocus?: boolean }) {
  return (
    <TextField
      label="Reference"
      description="18 digits, from the receipt"
      value={value}
      onChange={onChange}
      inputMode="numeric"
      autoComplete="off"
      isRequired
      isDisabled={isDisabled}
      autoFocus={autoFocus}
      inputClassName="mono"
      localError={localError}
      problems={problems}
    />
  );
}
