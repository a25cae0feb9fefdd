import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { createOfficeLoaders, type OfficeLoaders } from './offices/loaders.js';
import { createRoleLoaders, type RoleLoaders } from './roles/loaders.js';
import { createStaffLoaders, type StaffLoaders } from './staff/loaders.js';

/** The request's DataLoaders (`dataloader`): lookups by key from many resolvers, batched into one query per tick. */
export interface Loaders extends OfficeLoaders, StaffLoaders, RoleLoaders {
  /** Forgets what was loaded: a mutation changes rows, and what its answer shows must be read after it. */
  clearAll(): void;
}

export function createLoaders(database: Database, identity: Identity): Loaders {
  const loaders = { ...createOfficeLoaders(database, identity), ...createStaffLoaders(database), ...createRoleLoaders(database) };
  return {
    ...loaders,
    clearAll() {
      loaders.officeByCode.clearAll();
      loaders.childrenOf.clearAll();
      loaders.staffById.clearAll();
      loaders.permissionsOfRole.clearAll();
    },
  };
}
