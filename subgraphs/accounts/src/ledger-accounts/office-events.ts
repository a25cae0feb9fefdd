import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { accountCode, chartFor } from './chart.js';
import { openAccountsIfAbsent, recordKnownOffice } from './repository.js';

export const OFFICE_EVENTS_QUEUE = 'accounts.office-events';

/** The ledger's currency. One operator, one currency for now; international money orders bring a second. */
export const LEDGER_CURRENCY = 'INR';

/**
 * When administration creates an office, this subgraph records what it needs of it and opens its standard chart, in
 * the idempotent consumer's transaction: a redelivered event opens nothing twice.
 */
export async function handleOfficeEvent(tx: Tx, event: AnyEvent): Promise<void> {
  if (event.type !== 'office.created') throw new Error(`${OFFICE_EVENTS_QUEUE} does not take ${event.type} events`);
  const office = event.payload;
  await recordKnownOffice(tx, { code: office.code, name: office.name, type: office.type, path: office.path });
  await openAccountsIfAbsent(
    tx,
    chartFor(office.type).map((head) => ({
      code: accountCode(office.code, head.headCode),
      name: `${head.name}, ${office.name}`,
      type: head.type,
      headCode: head.headCode,
      currency: LEDGER_CURRENCY,
      officeCode: office.code,
    })),
  );
}
