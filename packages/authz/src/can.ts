import type { Identity } from '@postal/auth';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { PasswordChangeRequiredError } from './errors.js';
import { isWithin } from './paths.js';
import { billerScope } from './biller.js';
import { isBillerPermission, type Permission } from './permissions.js';

/** Where an office is: its code and its materialised path. */
export interface OfficeLocation {
  code: string;
  path: string;
}

/**
 * What a caller may see or touch for a permission:
 * - `all`: a signed service (services act for the system; the user a service acts for is checked where they asked);
 * - `paths`: offices within any of these scopes (`exact` for own-office grants, else the subtree);
 * - `none`: nothing.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'paths'; scopes: Array<{ path: string; exact: boolean }> }
  | { kind: 'none' };

export function scopeOf(identity: Identity, permission: Permission): Scope {
  switch (identity.kind) {
    case 'service':
      return { kind: 'all' };
    case 'anonymous':
      return { kind: 'none' };
    case 'staff': {
      // A temporary-password session holds no permission at all (so lists come back empty and reads as not found).
      if (identity.passwordChangeRequired === true) return { kind: 'none' };
      // A biller's permission reaches its biller (billerScope), never an office, whatever its stored scope says.
      if (isBillerPermission(permission)) return { kind: 'none' };
      const scopes = identity.grants
        .filter((grant) => grant.permission === permission)
        .map((grant) => ({ path: identity.officePath, exact: grant.scope === 'OWN_OFFICE' }));
      if (scopes.length === 0) return { kind: 'none' };
      // A subtree grant covers the own-office one; keep the widest.
      return { kind: 'paths', scopes: scopes.some((s) => !s.exact) ? [{ path: identity.officePath, exact: false }] : [scopes[0]!] };
    }
  }
}

/** The one question every subgraph asks: may this caller do this at that office? */
export function can(identity: Identity, permission: Permission, office: OfficeLocation | string): boolean {
  const scope = scopeOf(identity, permission);
  const path = typeof office === 'string' ? office : office.path;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'paths':
      return scope.scopes.some((s) => (s.exact ? path === s.path : isWithin(path, s.path)));
  }
}

/** Whether the caller holds the permission anywhere at all (to tell FORBIDDEN from an empty list). */
export function holds(identity: Identity, permission: Permission): boolean {
  if (identity.kind === 'staff' && isBillerPermission(permission)) return billerScope(identity) !== null;
  return scopeOf(identity, permission).kind !== 'none';
}

/** `can`, or an UNAUTHENTICATED / FORBIDDEN error that says which permission was missing. */
export function assertCan(identity: Identity, permission: Permission, office: OfficeLocation | string): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  if (!can(identity, permission, office)) {
    const code = typeof office === 'string' ? office.split('/').at(-1) : office.code;
    throw new ForbiddenError(`you may not ${permission} at office ${code}`);
  }
}

/** Signed in, and holding the permission somewhere. */
export function assertHolds(identity: Identity, permission: Permission): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  if (!holds(identity, permission)) throw new ForbiddenError(`you may not ${permission}`);
}

/**
 * PASSWORD_CHANGE_REQUIRED for a session opened with a temporary password, which may only change it (and see `me`,
 * and sign out). Commands that decide with `can` rather than `assertCan` call this first for the same answer.
 */
export function assertPasswordChosen(identity: Identity): void {
  if (identity.kind === 'staff' && identity.passwordChangeRequired === true) throw new PasswordChangeRequiredError();
}
