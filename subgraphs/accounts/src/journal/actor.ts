import type { Identity } from '@postal/auth';
import { UnauthenticatedError } from '@postal/errors';
import type { LedgerActor } from './model.js';

/** The ledger's record of who acted: a member of staff or a service (the signed caller). */
export function ledgerActor(identity: Identity): LedgerActor {
  switch (identity.kind) {
    case 'staff':
      return { kind: 'staff', id: identity.staffId, username: identity.username };
    case 'service':
      return { kind: 'service', id: identity.service };
    case 'anonymous':
      throw new UnauthenticatedError();
  }
}
