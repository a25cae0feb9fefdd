import type { Identity } from '@postal/auth';
import type { Actor } from './changes.js';

export function actorOf(identity: Identity): Actor {
  switch (identity.kind) {
    case 'staff':
      return { label: identity.username, event: { kind: 'staff', id: identity.staffId, username: identity.username, officeCode: identity.officeCode } };
    case 'service':
      return { label: identity.service, event: { kind: 'service', id: identity.service } };
    case 'anonymous':
      return { label: 'sender', event: { kind: 'anonymous' } };
  }
}
