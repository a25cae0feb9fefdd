import type { Identity } from '@postal/auth';
import { assertHolds, scopeCondition } from '@postal/authz';
import type { Database } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { isNull, or, type SQL } from 'drizzle-orm';
import { GENESIS_HASH, checkLinks, type ChainBreak, type ChainCursor } from './chain.js';
import { checkRange, checkedFilter, seesRecordsWithoutOffice } from './domain.js';
import type { AuditRecordModel, AuditTrailFilter, AuditVerificationModel } from './model.js';
import { chainBounds, firstOrphan, listTrail, officePathOf, sealStatus, storedHashAt, storedLinks } from './repository.js';
import { auditEvents } from './tables.js';

/**
 * Seals one verification may check. Verifying is a full read and a hash per record; a bound keeps one request from
 * reading the whole history. A longer period is verified window by window (each window starts from the stored hash
 * before it, so windows chain together).
 */
export const MAX_VERIFY_SEALS = 200_000;
/** Seals read per query while verifying, so memory stays bounded whatever the range. */
const VERIFY_PAGE_SIZE = 1_000;
const CANONICAL_CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function createAuditService(database: Database) {
  const { db } = database;

  /** The caller's `audit.read` scope over the record's office path, and office-less records where allowed. */
  function trailScope(identity: Identity): SQL {
    const inScope = scopeCondition(identity, 'audit.read', auditEvents.officePath);
    return seesRecordsWithoutOffice(identity) ? (or(inScope, isNull(auditEvents.officePath)) as SQL) : inScope;
  }

  return {
    /** The trail, newest first, filtered in SQL to the caller's scope (see domain.ts for records with no office). */
    async auditTrail(
      identity: Identity,
      rawFilter: AuditTrailFilter | null | undefined,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<AuditRecordModel>> {
      assertHolds(identity, 'audit.read');
      const size = pageSize(first);
      const filter = checkedFilter(rawFilter);
      const cursor = decodeCursor(after, 2);
      if (cursor && (!CANONICAL_CURSOR_INSTANT.test(cursor[0]!) || !/^\d{1,18}$/.test(cursor[1]!))) {
        throw new BadUserInputError('after', 'the cursor is not one this API issued');
      }
      let officePath: string | undefined;
      if (filter.officeCode) {
        officePath = await officePathOf(db, filter.officeCode);
        // An office nobody knows has no records; answering empty says no more than the offices query does.
        if (officePath === undefined) return toConnection([], size, () => []);
      }
      const rows = await listTrail(db, {
        scope: trailScope(identity),
        ...(filter.actor ? { actor: filter.actor } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.target ? { target: filter.target } : {}),
        ...(officePath ? { officePath } : {}),
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(cursor ? { after: { occurredAt: cursor[0]!, id: cursor[1]! } } : {}),
        limit: size + 1,
      });
      return toConnection(rows, size, (record) => [record.occurredAtKey, record.id]);
    },

    /** One record with its seal, if within the caller's audit.read scope (as the trail shows it); otherwise null. */
    async auditRecord(identity: Identity, id: string): Promise<AuditRecordModel | null> {
      assertHolds(identity, 'audit.read');
      // Record ids are positive bigints; anything else names no record.
      if (!/^[1-9]\d{0,17}$/.test(id)) return null;
      const [record] = await listTrail(db, { scope: trailScope(identity), id, limit: 1 });
      return record ?? null;
    },

    /**
     * Recomputes the chain over the seals of the records that occurred in [from, to) (open ends: the whole chain),
     * from the first such seal to the last, starting from the stored hash of the seal before, and answers the first
     * break. The chain is in sealing order, which interleaves times a little, so records just outside the range that
     * the chain puts between them are checked too. Then it looks for records of the range that are neither sealed nor
     * queued. Verifying is not scoped to offices: it reads no record to the caller, only whether the chain holds and
     * where it breaks, and the chain is one sequence for the whole network.
     */
    async verifyAuditTrail(identity: Identity, from: Date | null | undefined, to: Date | null | undefined): Promise<AuditVerificationModel> {
      assertHolds(identity, 'audit.verify');
      checkRange(from, to);
      const bounds = await chainBounds(db, from ?? undefined, to ?? undefined);
      const result = bounds ? await checkSegment(database, bounds) : { checked: 0, firstBreak: null };
      let firstBreak = result.firstBreak;
      if (!firstBreak) {
        const orphan = await firstOrphan(db, from ?? undefined, to ?? undefined);
        if (orphan !== undefined) firstBreak = { position: null, recordId: orphan, reason: 'UNSEALED' };
      }
      const status = await sealStatus(db);
      return { ok: firstBreak === null, checked: result.checked, firstBrokenRecord: firstBreak, sealedUpTo: status.sealedUpTo, unsealed: status.pending };
    },
  };
}

async function checkSegment(database: Database, bounds: { first: number; last: number }): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  const seals = bounds.last - bounds.first + 1;
  if (seals > MAX_VERIFY_SEALS) {
    throw new BadUserInputError('to', `the range holds ${seals} sealed records; verify at most ${MAX_VERIFY_SEALS} at a time`, {
      max: MAX_VERIFY_SEALS,
    });
  }
  let cursor: ChainCursor;
  if (bounds.first === 1) cursor = { position: 1, previousHash: GENESIS_HASH };
  else {
    const previousHash = await storedHashAt(database.db, bounds.first - 1);
    // The seal the range starts from is gone: that is the first break, just before the range.
    if (previousHash === undefined) return { checked: 0, firstBreak: { position: bounds.first - 1, recordId: null, reason: 'POSITION_MISSING' } };
    cursor = { position: bounds.first, previousHash };
  }
  let checked = 0;
  while (cursor.position <= bounds.last) {
    const links = await storedLinks(database.db, cursor.position, bounds.last, VERIFY_PAGE_SIZE);
    if (links.length === 0) return { checked, firstBreak: { position: cursor.position, recordId: null, reason: 'POSITION_MISSING' } };
    const page = checkLinks(cursor, links);
    checked += page.checked;
    if (page.firstBreak) return { checked, firstBreak: page.firstBreak };
    cursor = page.next;
  }
  return { checked, firstBreak: null };
}

export type AuditService = ReturnType<typeof createAuditService>;
