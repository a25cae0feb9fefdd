import type { Identity } from '@postal/auth';
import { can } from '@postal/authz';
import type { Database } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import { findOfficePath } from '../offices/repository.js';
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

    /** A member of staff by id: themselves, anyone in scope with staff.read, anyone for a signed service. */
    async getStaff(identity: Identity, id: string): Promise<StaffRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const staff = await findStaffById(database.db, id);
      if (!staff) return null;
      if (identity.kind === 'staff' && identity.staffId === id) return staff;
      const path = await findOfficePath(database.db, staff.officeCode);
      return path !== undefined && can(identity, 'staff.read', path) ? staff : null;
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
