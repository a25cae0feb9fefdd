import { useEffect } from 'react';
import { SignInForm } from './SignInForm';

/** The first page: nothing of the console loads before a session exists. */
export function SignIn() {
  useEffect(() => {
    document.title = 'Sign in · Postal Finance';
  }, []);
  return (
    <main className="centred sign-in">
      <h1>Postal Finance</h1>
      <p className="sign-in-lead">Sign in with your staff username.</p>
      <SignInForm />
    </main>
  );
}
