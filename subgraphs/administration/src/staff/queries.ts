import type { Identity } from '@postal/auth';
import { assertHolds, can, scopeCondition } from '@postal/authz';
import type { Database } from '@postal/db';
import { BadUserInputError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { offices } from '../offices/tables.js';
import type { OfficeLoaders } from '../offices/loaders.js';
import type { StaffLoaders } from './loaders.js';
import type { StaffRecord, StaffStatus } from './model.js';
import { findOfficeLocation, findStaffById, listStaff } from './repository.js';

export interface StaffFilter {
  officeCode?: string | null;
  underCode?: string | null;
  status?: StaffStatus | null;
  role?: string | null;
  search?: string | null;
}

export const MAX_SEARCH_LENGTH = 100;

/** Reading staff: yourself always; anyone else with `staff.read` over the office they work at. */
export function createStaffQueries(database: Database) {
  return {
    /** The signed-in member of staff, read fresh so a suspension shows at once. */
    async me(identity: Identity): Promise<StaffRecord> {
      if (identity.kind !== 'staff') throw new UnauthenticatedError();
      const staff = await findStaffById(database.db, identity.staffId);
      if (!staff || staff.status !== 'ACTIVE') throw new UnauthenticatedError('your account is not active');
      return staff;
    },

    /**
     * A member of staff by id: themselves, anyone in scope with staff.read, anyone for a signed service. Out of scope
     * is null, as is an id that names nobody. `Staff.__resolveReference` answers through here too.
     */
    async getStaff(identity: Identity, id: string, loaders?: StaffLoaders & OfficeLoaders): Promise<StaffRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      // Through the request's loaders when a resolver asks: approval makers and checkers of a page in one query.
      const staff = loaders ? await loaders.staffById.load(id) : await findStaffById(database.db, id);
      if (!staff) return null;
      if (identity.kind === 'staff' && identity.staffId === id) return staff;
      const office = loaders ? await loaders.officeByCode.load(staff.officeCode) : await findOfficeLocation(database.db, staff.officeCode);
      return office && can(identity, 'staff.read', office.path) ? staff : null;
    },

    /**
     * Staff within the caller's `staff.read` scope, by username, a keyset page at a time. The scope is a condition on
     * the path of each person's office in the same query. Without staff.read anywhere the answer is FORBIDDEN, not an
     * empty page, so a client can tell "nobody here" from "not for you".
     */
    async listStaff(
      identity: Identity,
      filter: StaffFilter | null | undefined,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<StaffRecord>> {
      assertHolds(identity, 'staff.read');
      const size = pageSize(first);
      const [afterUsername] = decodeCursor(after, 1) ?? [];
      const search = filter?.search?.trim() || undefined;
      if (search !== undefined && search.length > MAX_SEARCH_LENGTH) {
        throw new BadUserInputError('search', `a search is at most ${MAX_SEARCH_LENGTH} characters`, { max: MAX_SEARCH_LENGTH });
      }
      let underPath: string | undefined;
      if (filter?.underCode) {
        const under = await findOfficeLocation(database.db, filter.underCode);
        // An office that does not exist has nobody under it; the scope condition still applies to one that does.
        if (!under) return toConnection([], size, () => []);
        underPath = under.path;
      }
      const rows = await listStaff(database.db, {
        scope: scopeCondition(identity, 'staff.read', offices.path),
        officeCode: filter?.officeCode ?? undefined,
        underPath,
        status: filter?.status ?? undefined,
        role: filter?.role ?? undefined,
        search,
        afterUsername,
        limit: size + 1,
      });
      return toConnection(rows, size, (staff) => [staff.username]);
    },
  };
}
