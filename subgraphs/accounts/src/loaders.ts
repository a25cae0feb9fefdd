import type { Identity } from '@postal/auth';
import type { Db } from '@postal/db';
import DataLoader from 'dataloader';
import { closedThroughOfOffices } from './business-days/repository.js';
import type { JournalEntryRecord } from './journal/model.js';
import { findEntriesByIds, findReversalsOf } from './journal/repository.js';
import type { AccountRecord } from './ledger-accounts/model.js';
import { accountsOfOffices, childrenOfHeaders, findAccounts, findKnownOfficePaths } from './ledger-accounts/repository.js';
import { chainHashesOf } from './sealing/repository.js';

/**
 * Per-request DataLoaders: the reads a page repeats for each of its rows (a statement line's entry, a posting's
 * account, an entry's chain hash, the office path every authorization check needs) are collected while the page
 * resolves and asked for together, one query per kind, however long the page (loaders.test.ts counts them).
 *
 * They answer rows as stored, with no authorization: the services load through them and then decide what the caller
 * may see, exactly as they did with one query per row. They read outside any transaction; a service's transaction
 * reads through its repository as before. Within a request a loaded row is kept (one request, one view of a row), and
 * a command clears them all once it has committed, so a later field of the same request reads what it wrote.
 */
export interface Loaders {
  /** Accounts by code (an account's id). */
  accounts: DataLoader<string, AccountRecord | null>;
  /** Each office's accounts, in code order. */
  accountsOfOffice: DataLoader<string, AccountRecord[]>;
  /** The last day an office closed, by office code; null if never. */
  closedThrough: DataLoader<string, string | null>;
  /** A known office's path, by office code (what every scope check needs); null for an office not heard of. */
  officePaths: DataLoader<string, string | null>;
  /** Journal entries by id, with their postings. */
  entries: DataLoader<string, JournalEntryRecord | null>;
  /** The id of the entry that reversed an entry, by the reversed entry's id. */
  reversals: DataLoader<string, string | null>;
  /** An entry's chain hash, by entry id; null while it waits for the sealer. */
  chainHashes: DataLoader<string, string | null>;
  /** A header's children that the reader may read (visibility is part of the query, so one loader per reader). */
  childrenOf(reader: Identity): DataLoader<string, AccountRecord[]>;
  /** Forgets every row loaded: after a command commits. */
  clearAll(): void;
}

/** The most keys one batched query asks for. */
const MAX_BATCH = 500;
/** The most children one header lists. */
export const MAX_CHILDREN = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `cache: false` for services that live longer than a request (tests, benchmarks, the matrix): they still batch the
 * reads of one tick, but remember nothing between calls, as before loaders.
 */
export function createLoaders(db: Db, options: { cache?: boolean } = {}): Loaders {
  const settings = { cache: options.cache ?? true, maxBatchSize: MAX_BATCH };
  const loader = <V>(batch: (keys: readonly string[]) => Promise<ArrayLike<V>>) => new DataLoader<string, V>(batch, settings);
  const accounts = loader<AccountRecord | null>(async (codes) => {
    const found = new Map((await findAccounts(db, codes)).map((account) => [account.code, account]));
    return codes.map((code) => found.get(code) ?? null);
  });
  const accountsOfOffice = loader<AccountRecord[]>(async (codes) => {
    const found = await accountsOfOffices(db, codes);
    return codes.map((code) => found.get(code) ?? []);
  });
  const closedThrough = loader<string | null>(async (codes) => {
    const found = await closedThroughOfOffices(db, codes);
    return codes.map((code) => found.get(code) ?? null);
  });
  const officePaths = loader<string | null>(async (codes) => {
    const found = await findKnownOfficePaths(db, codes);
    return codes.map((code) => found.get(code) ?? null);
  });
  const entries = loader<JournalEntryRecord | null>(async (ids) => {
    // A malformed id would fail the whole batch's uuid cast: it names no entry.
    const found = new Map((await findEntriesByIds(db, [...new Set(ids.filter((id) => UUID.test(id)))])).map((entry) => [entry.id, entry]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const reversals = loader<string | null>(async (ids) => {
    const found = await findReversalsOf(db, ids.filter((id) => UUID.test(id)));
    return ids.map((id) => found.get(id) ?? null);
  });
  const chainHashes = loader<string | null>(async (ids) => {
    const found = await chainHashesOf(db, [...new Set(ids.filter((id) => UUID.test(id)))]);
    return ids.map((id) => found.get(id) ?? null);
  });
  const children = new WeakMap<Identity, DataLoader<string, AccountRecord[]>>();
  const all = (): Array<{ clearAll(): unknown }> => [accounts, accountsOfOffice, closedThrough, officePaths, entries, reversals, chainHashes];
  const childLoaders: Array<DataLoader<string, AccountRecord[]>> = [];
  return {
    accounts,
    accountsOfOffice,
    closedThrough,
    officePaths,
    entries,
    reversals,
    chainHashes,
    childrenOf(reader) {
      let forReader = children.get(reader);
      if (!forReader) {
        forReader = loader<AccountRecord[]>(async (codes) => {
          const found = await childrenOfHeaders(db, reader, codes, MAX_CHILDREN);
          return codes.map((code) => found.get(code) ?? []);
        });
        children.set(reader, forReader);
        if (settings.cache) childLoaders.push(forReader);
      }
      return forReader;
    },
    clearAll() {
      for (const each of all()) each.clearAll();
      for (const each of childLoaders) each.clearAll();
    },
  };
}
