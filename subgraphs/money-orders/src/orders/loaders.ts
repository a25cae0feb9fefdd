import type { Db } from '@postal/db';
import DataLoader from 'dataloader';
import { movementsOf, transitionsOf, type MovementRow, type TransitionRow } from './repository.js';

/** Per request: a page of orders reads its timelines and ledger movements in one query each. */
export function createOrderLoaders(db: Db) {
  return {
    timeline: new DataLoader<string, TransitionRow[]>(async (ids) => {
      const byOrder = await transitionsOf(db, ids);
      return ids.map((id) => byOrder.get(id) ?? []);
    }),
    movements: new DataLoader<string, MovementRow[]>(async (ids) => {
      const byOrder = await movementsOf(db, ids);
      return ids.map((id) => byOrder.get(id) ?? []);
    }),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
