import { useId } from 'react';
import type { Problem } from '../../api/problems';

/**
 * A calendar day (YYYY-MM-DD), typed or picked with the browser's own date input, which is labelled, keyboard
 * operable and gives the value in the form the API's Date scalar takes. `max` keeps the picker from offering days
 * the server would refuse; the server's rule is still the one that counts.
 */
export function DateField({
  label,
  value,
  onChange,
  max,
  description,
  problems = [],
  localError,
  isRequired = false,
}: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  max?: string;
  description?: string;
  problems?: Problem[];
  localError?: string | undefined;
  isRequired?: boolean;
}) {
  const id = useId();
  const messages = [...(localError ? [localError] : []), ...problems.map((problem) => problem.message)];
  const describedBy = [description ? `${id}-description` : '', messages.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="field-input"
        value={value}
        max={max}
        aria-required={isRequired || undefined}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {description ? (
        <span className="field-description" id={`${id}-description`}>
          {description}
        </span>
      ) : null}
      {messages.length > 0 ? (
        <span className="field-error" id={`${id}-error`}>
          {messages.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
