import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import type { OfficeRecord } from './model.js';
import { findOffice, listOffices, officePath } from './repository.js';

/**
 * Whose offices a caller may see: staff see their own office and everything under it; a signed service sees all.
 * `undefined` means no limit. (The full permission model is the administration issue's; this is its scope rule.)
 */
async function scopeOf(database: Database, identity: Identity): Promise<string | undefined> {
  switch (identity.kind) {
    case 'anonymous':
      throw new UnauthenticatedError();
    case 'service':
      return undefined;
    case 'staff': {
      const path = await officePath(database.db, identity.officeCode);
      // A token naming an office that no longer exists grants nothing.
      if (path === undefined) throw new ForbiddenError('your office is not known');
      return path;
    }
  }
}

function within(office: OfficeRecord, scopePath: string | undefined): boolean {
  return scopePath === undefined || office.path === scopePath || office.path.startsWith(`${scopePath}/`);
}

export function createOfficeService(database: Database) {
  return {
    /** One office; one outside the caller's scope is answered as not found, so codes cannot be probed. */
    async getOffice(identity: Identity, code: string): Promise<OfficeRecord | null> {
      const scopePath = await scopeOf(database, identity);
      const office = await findOffice(database.db, code);
      return office && within(office, scopePath) ? office : null;
    },

    async listOffices(identity: Identity, first: number | null | undefined, after: string | null | undefined): Promise<Connection<OfficeRecord>> {
      const size = pageSize(first);
      const [afterCode] = decodeCursor(after, 1) ?? [];
      const scopePath = await scopeOf(database, identity);
      const rows = await listOffices(database.db, { scopePath, afterCode, limit: size + 1 });
      return toConnection(rows, size, (office) => [office.code]);
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
