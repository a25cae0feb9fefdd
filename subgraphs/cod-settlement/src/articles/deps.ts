import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';

/** What the article, deposit and manifest services need: the database, the clock and the offices' time zone. */
export interface ArticleDeps {
  database: Database;
  clock: () => Date;
  timeZone: string;
  /** The operator's currency, which postmen's cash is counted in (start.ts passes it); INR when left out. */
  currency?: string;
}

/** The operator's currency of a deps object. */
export const operatorCurrency = (deps: { currency?: string | undefined }): string => deps.currency ?? 'INR';

/** Who did it, as the timeline shows them (`label`) and as a ledger event names them (`event`, packages/events actor). */
export interface Actor {
  label: string;
  event: { kind: 'staff' | 'service' | 'anonymous'; id?: string; username?: string; officeCode?: string };
}

export function actorOf(identity: Identity): Actor {
  switch (identity.kind) {
    case 'staff':
      return { label: identity.username, event: { kind: 'staff', id: identity.staffId, username: identity.username, officeCode: identity.officeCode } };
    case 'service':
      return { label: identity.service, event: { kind: 'service', id: identity.service } };
    case 'anonymous':
      return { label: 'anonymous', event: { kind: 'anonymous' } };
  }
}
