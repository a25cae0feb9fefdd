import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';
import type { Problem } from '../api/problems';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: string;
  /** The API's problems for this field (problemsFor): shown under it, and the field marked invalid. */
  problems?: Problem[];
  /** A problem found in the browser by the server's own rules, before anything was sent. */
  localError?: string | undefined;
  inputClassName?: string;
  placeholder?: string;
}

/** A labelled input (every input has a label), with its description and its errors tied to it for screen readers. */
export function TextField({ label, description, problems = [], localError, inputClassName, placeholder, className, ...props }: TextFieldProps) {
  const messages = [...(localError ? [localError] : []), ...problems.map((problem) => problem.message)];
  return (
    <AriaTextField {...props} className={`field${typeof className === 'string' ? ` ${className}` : ''}`} isInvalid={messages.length > 0 || props.isInvalid}>
      <Label className="field-label">{label}</Label>
      <Input className={`field-input${inputClassName ? ` ${inputClassName}` : ''}`} placeholder={placeholder} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      {/* FOUNDATION: no children when there is no message of ours, so react-aria shows the browser's own validation
          message (a required field left empty); an empty string here hid it and left the field red with no words. */}
      <FieldError className="field-error">{messages.length > 0 ? messages.join(' ') : undefined}</FieldError>
    </AriaTextField>
  );
}
