import type { Database } from '@postal/db';
import DataLoader from 'dataloader';
import type { StaffRecord } from './model.js';
import { findStaffByIds } from './repository.js';

export interface StaffLoaders {
  /** Staff by id, unauthorised rows (the staff queries decide who may see them); null for an id that names nobody. */
  staffById: DataLoader<string, StaffRecord | null>;
}

/** Per request: the staff a request's resolvers look up (approval makers and checkers, assigners) in one query. */
export function createStaffLoaders(database: Database): StaffLoaders {
  const staffById = new DataLoader<string, StaffRecord | null>(async (ids) => {
    const found = new Map((await findStaffByIds(database.db, ids)).map((person) => [person.id, person]));
    return ids.map((id) => found.get(id) ?? null);
  });
  return { staffById };
}
