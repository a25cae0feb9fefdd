import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Problem } from '../../api/problems';
import { SessionRequestError } from '../../session/http';
import { useSession } from '../../session/session';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';

/** Username and password; the API's answer (wrong password, locked, suspended) is shown in its own words. */
export function SignInForm({ username: fixedUsername, onSignedIn }: { username?: string; onSignedIn?: () => void }) {
  const { signIn } = useSession();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    try {
      await signIn(username.trim(), password);
      setPassword('');
      onSignedIn?.();
    } catch (error) {
      setProblems(error instanceof SessionRequestError ? error.problems : [{ message: (error as Error).message, code: undefined, field: undefined, requestId: undefined }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form className="form sign-in-form" onSubmit={(event) => void submit(event)}>
      <TextField label="Username" name="username" value={username} onChange={setUsername} autoComplete="username" isRequired autoFocus={!fixedUsername} />
      <TextField label="Password" name="password" type="password" value={password} onChange={setPassword} autoComplete="current-password" isRequired autoFocus={Boolean(fixedUsername)} />
      <ProblemList problems={problems} />
      <Button type="submit" variant="primary" isDisabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </Form>
  );
}
