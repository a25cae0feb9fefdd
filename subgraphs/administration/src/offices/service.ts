import type { Identity } from '@postal/auth';
import { can, scopeCondition } from '@postal/authz';
import type { Database } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import type { OfficeRecord } from './model.js';
import { findOffice, listOffices } from './repository.js';
import { offices } from './tables.js';

export function createOfficeService(database: Database) {
  return {
    /** One office; one outside the caller's scope is answered as not found, so codes cannot be probed. */
    async getOffice(identity: Identity, code: string): Promise<OfficeRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const office = await findOffice(database.db, code);
      return office && can(identity, 'office.read', office) ? office : null;
    },

    /** Offices in the caller's scope, filtered in SQL by the scope's path prefix. */
    async listOffices(identity: Identity, first: number | null | undefined, after: string | null | undefined): Promise<Connection<OfficeRecord>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const size = pageSize(first);
      const [afterCode] = decodeCursor(after, 1) ?? [];
      const rows = await listOffices(database.db, { scope: scopeCondition(identity, 'office.read', offices.path), afterCode, limit: size + 1 });
      return toConnection(rows, size, (office) => [office.code]);
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
