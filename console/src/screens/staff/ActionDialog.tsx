import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import { Button, type ButtonProps } from '../../ui/Button';

/**
 * An action's button and the dialog it opens (react-aria: focus moves in and is trapped, Escape closes, focus returns
 * to the button). The content unmounts on close, so each opening starts with a fresh form. `final` makes it an
 * alertdialog: the action cannot be undone, and the dialog says so.
 */
export function ActionDialog({
  label,
  title,
  variant = 'secondary',
  final = false,
  children,
}: {
  label: string;
  title: string;
  variant?: ButtonProps['variant'];
  final?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button variant={variant}>{label}</Button>
      <Modal className="modal" isDismissable={!final}>
        <Dialog className="dialog" role={final ? 'alertdialog' : 'dialog'}>
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

/** The dialog's buttons: the command, and Cancel. */
export function DialogButtons({ submitLabel, busyLabel, busy, variant = 'primary', close }: { submitLabel: string; busyLabel: string; busy: boolean; variant?: ButtonProps['variant']; close: () => void }) {
  return (
    <div className="actions">
      <Button type="submit" variant={variant} isDisabled={busy}>
        {busy ? busyLabel : submitLabel}
      </Button>
      <Button variant="quiet" onPress={close}>
        Cancel
      </Button>
    </div>
  );
}
