import type { Identity } from '@postal/auth';
import { scopeCondition } from '@postal/authz';
import type { Database } from '@postal/db';
import DataLoader from 'dataloader';
import type { OfficeRecord } from './model.js';
import { findOfficesByCodes, listChildrenOfMany } from './repository.js';
import { offices } from './tables.js';

/** One page of one parent's children, as the `Office.children` field asks for it. */
export interface ChildrenPage {
  parentCode: string;
  afterCode: string | undefined;
  /** Rows to fetch (the page size plus one, to know whether there is a next page). */
  limit: number;
}

export interface OfficeLoaders {
  /** Offices by code, unauthorised rows (the service decides who may see them); null for a code that names nothing. */
  officeByCode: DataLoader<string, OfficeRecord | null>;
  /** Children pages, already within the request's `office.read` scope. */
  childrenOf: DataLoader<ChildrenPage, OfficeRecord[], string>;
}

/**
 * Per request: offices looked up by the resolvers of one GraphQL request (a page of staff and their offices, offices
 * and their parents, account offices and children) are collected in one tick and read in one query. Built per request
 * because the cache must not outlive the request (nor cross callers: the children scope is this caller's).
 */
export function createOfficeLoaders(database: Database, identity: Identity): OfficeLoaders {
  const officeByCode = new DataLoader<string, OfficeRecord | null>(async (codes) => {
    const found = new Map((await findOfficesByCodes(database.db, codes)).map((office) => [office.code, office]));
    return codes.map((code) => found.get(code) ?? null);
  });
  const childrenOf = new DataLoader<ChildrenPage, OfficeRecord[], string>(
    async (pages) => {
      // Pages asking the same thing of different parents share a query; a page of offices asks the same of each.
      const groups = new Map<string, ChildrenPage[]>();
      for (const page of pages) {
        const key = JSON.stringify([page.afterCode ?? null, page.limit]);
        groups.set(key, [...(groups.get(key) ?? []), page]);
      }
      const scope = scopeCondition(identity, 'office.read', offices.path);
      const byParent = new Map<string, OfficeRecord[]>();
      for (const group of groups.values()) {
        const [{ afterCode, limit }] = group as [ChildrenPage];
        const rows = await listChildrenOfMany(database.db, { parentCodes: group.map((page) => page.parentCode), scope, afterCode, limit });
        for (const row of rows) {
          const key = JSON.stringify([row.parentCode, afterCode ?? null, limit]);
          byParent.set(key, [...(byParent.get(key) ?? []), row]);
        }
      }
      return pages.map((page) => byParent.get(JSON.stringify([page.parentCode, page.afterCode ?? null, page.limit])) ?? []);
    },
    { cacheKeyFn: (page) => JSON.stringify([page.parentCode, page.afterCode ?? null, page.limit]) },
  );
  return { officeByCode, childrenOf };
}
