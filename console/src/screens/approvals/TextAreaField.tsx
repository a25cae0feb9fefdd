import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { Problem } from '../../api/problems';

/** A labelled multi-line field (a reason, a comment) with the browser's and the API's problems under it. */
export function TextAreaField({
  label,
  description,
  value,
  onChange,
  isRequired = false,
  problems = [],
  localError,
  autoFocus = false,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  problems?: Problem[];
  localError?: string | undefined;
  autoFocus?: boolean;
}) {
  const messages = [...(localError ? [localError] : []), ...problems.map((problem) => (problem.code ? `${problem.message} (${problem.code})` : problem.message))];
  return (
    <TextField className="field" value={value} onChange={onChange} isRequired={isRequired} isInvalid={messages.length > 0} autoFocus={autoFocus}>
      <Label className="field-label">{label}</Label>
      <TextArea className="field-input decision-text" rows={4} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{messages.join(' ')}</FieldError>
    </TextField>
  );
}
