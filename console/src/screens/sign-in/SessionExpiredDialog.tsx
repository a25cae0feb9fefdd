import { Dialog, Heading, Modal } from 'react-aria-components';
import { useSession } from '../../session/session';
import { Button } from '../../ui/Button';
import { SignInForm } from './SignInForm';

/**
 * Over the screen, which stays as it was (the form half filled in, the list scrolled): the session has ended, sign in
 * again to carry on, or sign out. Signing in as someone else starts the console afresh.
 */
export function SessionExpiredDialog({ username }: { username: string }) {
  const { signOut } = useSession();
  return (
    <Modal isOpen isDismissable={false} className="modal" isKeyboardDismissDisabled>
      <Dialog className="dialog" role="alertdialog">
        <Heading slot="title">Your session has ended</Heading>
        <p>It expired or was ended (signed out elsewhere, or by an administrator). Sign in again to carry on where you were.</p>
        <SignInForm username={username} />
        <Button variant="quiet" onPress={() => void signOut()}>
          Sign out instead
        </Button>
      </Dialog>
    </Modal>
  );
}
