import type { KeyboardEvent, Ref } from 'react';
import { ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import type { Problem } from '../../api/problems';

export interface CodeOption {
  code: string;
  /** What the code names (an account's or an office's name), shown beside it in the list. */
  name: string;
}

export interface CodeComboFieldProps {
  label: string;
  /** In a grid row the column header says what the field is: the label is kept for screen readers only. */
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** Suggestions, already filtered for what was typed; any other code may still be typed. */
  options: CodeOption[];
  description?: string | undefined;
  problems?: Problem[];
  localError?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * A code typed or picked from suggestions (react-aria's combo box: the listbox pattern, arrows and Enter to pick,
 * Escape to close, announced to screen readers; typing or the down arrow opens it), for account and office codes. It takes any code as typed; the list
 * only saves looking one up. Problems show under it as in TextField.
 */
export function CodeComboField({ label, hideLabel = false, value, onChange, options, description, problems = [], localError, isRequired, isDisabled, inputRef, onKeyDown }: CodeComboFieldProps) {
  const messages = [...(localError ? [localError] : []), ...problems.map((problem) => problem.message)];
  return (
    <ComboBox
      className="field code-combo"
      items={options}
      inputValue={value}
      onInputChange={onChange}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key));
      }}
      allowsCustomValue
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={messages.length > 0}
      validationBehavior="aria"
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</Label>
      {/* No toggle button: the label alone names the field (a button would share it), and typing or the down arrow
          opens the suggestions. */}
      <Input className="field-input" ref={inputRef} onKeyDown={onKeyDown} autoComplete="off" spellCheck={false} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{messages.join(' ')}</FieldError>
      <Popover className="code-combo-popover" placement="bottom start">
        <ListBox className="code-combo-list">
          {(option: CodeOption) => (
            <ListBoxItem id={option.code} textValue={option.code} className="code-combo-option">
              <span className="mono">{option.code}</span> <span className="code-combo-name">{option.name}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** The options whose code or name contains what was typed (any case), at most `limit`. */
export function matching(options: CodeOption[], typed: string, limit = 30): CodeOption[] {
  const needle = typed.trim().toLowerCase();
  const found = needle === '' ? options : options.filter((option) => option.code.toLowerCase().includes(needle) || option.name.toLowerCase().includes(needle));
  return found.slice(0, limit);
}
