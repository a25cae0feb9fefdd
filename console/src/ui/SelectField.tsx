import { useId } from 'react';

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The choice meaning "no filter"; omitted for a required choice. */
  anyLabel?: string | null;
  isRequired?: boolean;
  error?: string | undefined;
}

/**
 * A native select: the platform's own keyboard and screen-reader behaviour, which for short fixed lists (a status,
 * a role) is better than any custom listbox.
 */
export function SelectField({ label, value, onChange, options, anyLabel = 'Any', isRequired = false, error }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
