import type { Db } from '@postal/db';
import DataLoader from 'dataloader';
import { contractsInForce, type ContractRow } from '../contracts/repository.js';
import { activeBankAccounts, type BankAccountRow } from './repository.js';

/** Per request: a page of billers reads its payout accounts, and its contracts in force on a date, in one query each. */
export function createBillerLoaders(db: Db) {
  return {
    activeBankAccount: new DataLoader<string, BankAccountRow | null>(async (ids) => {
      const byBiller = await activeBankAccounts(db, ids);
      return ids.map((id) => byBiller.get(id) ?? null);
    }),
    /** Keyed `billerId|YYYY-MM-DD`; one query per date asked in the request. */
    contractInForce: new DataLoader<string, ContractRow | null>(async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const [billerId, date] = key.split('|') as [string, string];
        byDate.set(date, [...(byDate.get(date) ?? []), billerId]);
      }
      const found = new Map<string, ContractRow>();
      for (const [date, ids] of byDate) {
        for (const [billerId, row] of await contractsInForce(db, ids, date)) found.set(`${billerId}|${date}`, row);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}

export type BillerLoaders = ReturnType<typeof createBillerLoaders>;
