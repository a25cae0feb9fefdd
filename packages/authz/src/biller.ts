import { isBillerCode, type Identity } from '@postal/auth';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { PasswordChangeRequiredError } from './errors.js';

/** The one permission a biller's own people hold (the BILLER role); it names their biller, not an office. */
const BILLER_SELF = 'cod.biller.self';

/**
 * The biller a caller acts for, or null when they act for none: a member of a biller's own people (bound to it, the
 * binding signed into the identity by the gateway) who holds cod.biller.self and has chosen their password. The post
 * office's staff, services and anonymous callers answer null.
 *
 * How a COD service uses it (the seam for biller-facing reads): `const biller = billerScope(identity)`; when it is not
 * null, answer only that biller's rows (filter by `biller.billerCode` in SQL; another biller's article reads as not
 * found); when it is null, decide by office as everywhere else (`assertCan(identity, 'cod.read', path)`). A biller
 * holds no office permission, so the office path never lets it through.
 */
export function billerScope(identity: Identity): { billerCode: string } | null {
  if (identity.kind !== 'staff' || identity.passwordChangeRequired === true) return null;
  if (!isBillerCode(identity.billerCode)) return null;
  if (!identity.grants.some((grant) => grant.permission === BILLER_SELF)) return null;
  return { billerCode: identity.billerCode };
}

/**
 * FORBIDDEN unless the caller acts for exactly this biller (see billerScope): for commands a biller's people may
 * take on their own accounts, such as raising a dispute. Services are refused too: they act for the system, never for
 * a biller, and have the office-scoped paths for that. UNAUTHENTICATED for an anonymous caller, and
 * PASSWORD_CHANGE_REQUIRED for a temporary-password session, as assertCan answers.
 */
export function assertBillerSelf(identity: Identity, billerCode: string): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (identity.kind === 'staff' && identity.passwordChangeRequired === true) throw new PasswordChangeRequiredError();
  const scope = billerScope(identity);
  if (scope === null) throw new ForbiddenError(`you may not ${BILLER_SELF}: you act for no biller`);
  if (scope.billerCode !== billerCode) throw new ForbiddenError(`you may not ${BILLER_SELF} for biller ${billerCode}: you act for ${scope.billerCode}`);
}
