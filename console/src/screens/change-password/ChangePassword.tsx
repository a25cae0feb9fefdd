import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { problemsFor, unclaimed, type Problem } from '../../api/problems';
import { SessionRequestError } from '../../session/http';
import { useSession } from '../../session/session';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';

const MIN_LENGTH = 10;

/**
 * Choosing one's own password: forced first after a temporary one (nothing else is reachable until it is done), or
 * from the header at any time. The rules the server applies are checked here too, so the common mistakes are caught
 * before a round trip; the server's answer is still the one that counts.
 */
export function ChangePassword({ forced = false, onDone }: { forced?: boolean; onDone?: () => void }) {
  const { changePassword, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (forced) document.title = 'Choose a password · Postal Finance';
  }, [forced]);

  const tooShort = next.length > 0 && next.length < MIN_LENGTH ? `At least ${MIN_LENGTH} characters.` : undefined;
  const mismatch = repeat.length > 0 && repeat !== next ? 'The two new passwords differ.' : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || mismatch || next !== repeat) return;
    setBusy(true);
    setProblems([]);
    try {
      await changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
      onDone?.();
    } catch (error) {
      setProblems(error instanceof SessionRequestError ? error.problems : [{ message: (error as Error).message, code: undefined, field: undefined, requestId: undefined }]);
    } finally {
      setBusy(false);
    }
  };

  const form = (
    <Form className="form" onSubmit={(event) => void submit(event)}>
      <TextField label="Current password" type="password" value={current} onChange={setCurrent} autoComplete="current-password" isRequired problems={problemsFor(problems, 'currentPassword')} />
      <TextField
        label="New password"
        type="password"
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        isRequired
        description={`At least ${MIN_LENGTH} characters, not your username, not your current password.`}
        localError={tooShort}
        problems={problemsFor(problems, 'newPassword')}
      />
      <TextField label="New password again" type="password" value={repeat} onChange={setRepeat} autoComplete="new-password" isRequired localError={mismatch} />
      <ProblemList problems={unclaimed(problems, ['currentPassword', 'newPassword'])} />
      {done ? <p role="status">Your password is changed. Your other sessions have ended.</p> : null}
      <Button type="submit" variant="primary" isDisabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </Button>
    </Form>
  );
  if (!forced) return form;
  return (
    <main className="centred sign-in">
      <h1>Choose your password</h1>
      <p>You signed in with a temporary password. Choose your own before anything else.</p>
      {form}
      <Button variant="quiet" onPress={() => void signOut()}>
        Sign out
      </Button>
    </main>
  );
}
