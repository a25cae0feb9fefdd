import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { assertHolds } from '@postal/authz';
import type { Decimal } from '@postal/money';
import { businessDate } from '@postal/calendar';
import { quoteCodFee, selectFeeSchedule } from './domain.js';
import { feeSchedulesInForce } from './repository.js';

export interface FeeServiceOptions {
  database: Database;
  clock: () => Date;
  timeZone: string;
}

export function createFeeService(options: FeeServiceOptions) {
  return {
    /** The COD fee and its tax for an article of `codAmount`, under the schedule in force today. */
    async quote(identity: Identity, codAmount: Decimal) {
      assertHolds(identity, 'cod.quote');
      const today = businessDate(options.clock(), options.timeZone);
      const schedule = selectFeeSchedule(await feeSchedulesInForce(options.database.db, today), today);
      return quoteCodFee(schedule, codAmount);
    },
  };
}

export type FeeService = ReturnType<typeof createFeeService>;
