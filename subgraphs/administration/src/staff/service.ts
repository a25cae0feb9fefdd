import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import type { StaffRecord } from './model.js';
import { findStaffById } from './repository.js';

export function createStaffService(database: Database) {
  return {
    /** The signed-in member of staff, read fresh so a suspension shows at once. */
    async me(identity: Identity): Promise<StaffRecord> {
      if (identity.kind !== 'staff') throw new UnauthenticatedError();
      const staff = await findStaffById(database.db, identity.staffId);
      if (!staff || staff.status !== 'ACTIVE') throw new UnauthenticatedError('your account is not active');
      return staff;
    },

    /** A member of staff by id: themselves, or anyone for a signed service. */
    async getStaff(identity: Identity, id: string): Promise<StaffRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind === 'staff' && identity.staffId !== id) return null;
      return (await findStaffById(database.db, id)) ?? null;
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
