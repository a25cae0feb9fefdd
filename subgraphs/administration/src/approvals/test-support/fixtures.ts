import { createHash } from 'node:crypto';
import type { SignedRequestContext } from '@postal/auth';
import { rowsOf, type Database } from '@postal/db';
import { canonicalJson, type AnyEvent } from '@postal/events';
import { sql } from 'drizzle-orm';
import { currentIdentity, findStaffAuthority } from '../../roles/repository.js';

let nextEmployee = 0;

/** The identity secret the tests' approval services key payload MACs with (production's comes from IDENTITY_SECRET). */
export const TEST_IDENTITY_SECRET = 'administration-test-identity-secret-0123456789';

/** A member of staff of the test's own, inserted directly (the staff module's rules are not what is under test). */
export async function addStaff(
  database: Database,
  member: { username: string; officeCode: string; roles: string[] },
): Promise<string> {
  nextEmployee += 1;
  // 8 digits, clear of the demo seed's 1xxxxxxx; each test file has a database of its own.
  const employeeId = String(70_000_000 + nextEmployee);
  const roles = sql.raw(`array[${member.roles.map((role) => `'${role}'`).join(',')}]::text[]`);
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      insert into administration.staff (employee_id, username, name, password_hash, office_code, roles)
      values (${employeeId}, ${member.username}, ${`Test ${member.username}`}, 'not-a-hash', ${member.officeCode}, ${roles})
      returning id`),
  );
  return row!.id;
}

/** The signed context of a member of staff as the gateway would sign it after their sign-in now. */
export async function contextOf(database: Database, username: string, requestId = `req-${username}`): Promise<SignedRequestContext> {
  const member = await findStaffAuthority(database.db, { username });
  if (!member) throw new Error(`no staff ${username}`);
  return { identity: await currentIdentity(database.db, member), requestId, clientAddress: '10.1.2.3' };
}

export function serviceContext(service: string): SignedRequestContext {
  return { identity: { kind: 'service', service }, requestId: `req-${service}`, clientAddress: undefined };
}

export const anonymous: SignedRequestContext = { identity: { kind: 'anonymous' }, requestId: 'req-anon', clientAddress: undefined };

/** Events staged in the outbox, oldest first, optionally of one type or about one approval request / target. */
export async function stagedEvents(database: Database, filter: { type?: string; about?: string } = {}): Promise<AnyEvent[]> {
  const rows = rowsOf<{ envelope: AnyEvent }>(
    await database.db.execute(sql`
      select envelope from administration.outbox
      where (${filter.type ?? null}::text is null or type = ${filter.type ?? null})
        and (${filter.about ?? null}::text is null
             or payload->>'requestId' = ${filter.about ?? null}
             or payload->'target'->>'id' = ${filter.about ?? null})
      order by id`),
  );
  return rows.map((row) => (typeof row.envelope === 'string' ? JSON.parse(row.envelope) : row.envelope) as AnyEvent);
}

/** The audit actions staged about one target (an approval request id or a staff id), oldest first. */
export async function auditActions(database: Database, about: string): Promise<string[]> {
  const events = await stagedEvents(database, { type: 'audit.recorded', about });
  return events.map((event) => (event.payload as { action: string }).action);
}

export async function rolesOf(database: Database, username: string): Promise<string[]> {
  const [row] = rowsOf<{ roles: string[] }>(await database.db.execute(sql`select roles from administration.staff where username = ${username}`));
  return row?.roles ?? [];
}

/** Runs SQL with triggers off, as a superuser who bypasses the guard would: what the payload hash is there for. */
export async function asSuperuserBypassingTriggers(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/**
 * What a database superuser without the server secret can do to a request: replace its payload and store a freshly
 * computed plain SHA-256 of it as the hash (the guard trigger bypassed). Answers the forged hash.
 */
export async function forgePayloadWithPlainHash(database: Database, requestId: string, payload: Record<string, unknown>): Promise<string> {
  const forged = createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
  await asSuperuserBypassingTriggers(
    database,
    sql`update administration.approval_requests set payload = ${JSON.stringify(payload)}::jsonb, payload_hash = ${forged} where id = ${requestId}`,
  );
  return forged;
}
