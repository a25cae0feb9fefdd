import type { Identity } from '@postal/auth';
import { assertPasswordChosen } from '@postal/authz';
import { UnauthenticatedError } from '@postal/errors';

/** Ids this API gives are UUIDs: anything else names nothing (answered as not found, never a failed uuid cast). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every reconciliation operation: a caller signed in with a chosen password. */
export function signedIn(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
}
