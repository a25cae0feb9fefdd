import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import type { Problem } from '../../api/problems';
import { unclaimed } from '../../api/problems';
import { Button, type ButtonProps } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';

/**
 * An office action: a button that opens a react-aria dialog holding its form. The dialog is modal, labelled by its
 * heading, closes with Escape or Cancel, and gives focus back to the button. The form's body is rendered afresh at
 * each opening, so it starts from the office as it is now.
 */
export function ActionDialog({
  label,
  title,
  variant = 'secondary',
  children,
}: {
  /** The button's name (what a keyboard or screen-reader user looks for). */
  label: string;
  title: string;
  variant?: ButtonProps['variant'];
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button variant={variant}>{label}</Button>
      <Modal isDismissable className="modal offices-modal">
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

/**
 * The form inside an action dialog: its fields, the problems no field claims (shown next to the buttons, with their
 * codes: FORBIDDEN for an action forced through, OFFICE_HAS_ACTIVE_STAFF, ...), submit and cancel.
 */
export function ActionForm({
  submitLabel,
  submitVariant = 'primary',
  onSubmit,
  onCancel,
  busy,
  problems,
  claimedFields,
  children,
}: {
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  problems: Problem[];
  /** The fields this form shows problems next to; any other problem is shown by the buttons. */
  claimedFields: string[];
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className="form offices-form" onSubmit={submit} noValidate>
      {children}
      <ProblemList problems={unclaimed(problems, claimedFields)} />
      <div className="actions">
        <Button type="submit" variant={submitVariant} isDisabled={busy}>
          {busy ? `${submitLabel}…` : submitLabel}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Local checks found before sending (the server's rules, so the person hears of every one at once). */
export function useLocalErrors<Field extends string>() {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  return [errors, setErrors] as const;
}
