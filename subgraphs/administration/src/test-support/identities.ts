import type { Identity, SignedRequestContext } from '@postal/auth';
import type { Db } from '@postal/db';
import { eq } from 'drizzle-orm';
import { offices } from '../offices/tables.js';
import { grantsForRoles } from '../roles/repository.js';
import { staff } from '../staff/tables.js';

/**
 * The identity a member of staff would carry after signing in, built the way login builds it (their row, their
 * office's path, the grants their roles give in role_permissions): tests drive services as real people, fast,
 * without tokens.
 */
export async function identityOf(db: Db, username: string): Promise<Extract<Identity, { kind: 'staff' }>> {
  const [row] = await db
    .select({ id: staff.id, username: staff.username, roles: staff.roles, officeCode: staff.officeCode, billerCode: staff.billerCode, path: offices.path })
    .from(staff)
    .innerJoin(offices, eq(offices.code, staff.officeCode))
    .where(eq(staff.username, username));
  if (!row) throw new Error(`no staff ${username} in the test database`);
  return {
    kind: 'staff',
    staffId: row.id,
    username: row.username,
    roles: row.roles,
    officeCode: row.officeCode,
    officePath: row.path,
    grants: await grantsForRoles(db, row.roles),
    ...(row.billerCode === null ? {} : { billerCode: row.billerCode }),
  };
}

let requests = 0;

/** A signed request context for an identity, as the gateway would send it. */
export function requestAs(identity: Identity): SignedRequestContext {
  requests += 1;
  return { identity, requestId: `req-test-${requests}`, clientAddress: '10.0.0.7' };
}

export const ANONYMOUS: Identity = { kind: 'anonymous' };
