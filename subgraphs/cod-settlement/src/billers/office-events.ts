import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { handleOfficeEvent } from '../offices/repository.js';
import { refreshSettlementOfficePaths } from './repository.js';
import { refreshBankAccountOfficePaths } from '../recon/bank-accounts/repository.js';

/**
 * cod-settlement's office-events consumer: the known offices kept (@postal/known-offices), then, when an office
 * changed, the billers settled under it and the bank accounts kept there re-hung where it now is, in the same transaction.
 */
export async function handleOfficeEventWithBillers(tx: Tx, event: AnyEvent): Promise<void> {
  await handleOfficeEvent(tx, event);
  if (event.type === 'office.updated') {
    await refreshSettlementOfficePaths(tx);
    await refreshBankAccountOfficePaths(tx);
  }
}
