import type { Identity } from '@postal/auth';
import { holds } from '@postal/authz';

/**
 * The biller a BILLER caller is bound to (cod.biller.self, identity.billerCode), or undefined for office staff. The
 * identity's `billerCode` is being added to @postal/auth by the BILLER role's work; until it lands this reads it
 * without the type, so the seam is already the one place that decides a biller caller sees only its own articles.
 */
export function selfBillerCode(identity: Identity): string | undefined {
  if (identity.kind !== 'staff') return undefined;
  const code = (identity as { billerCode?: unknown }).billerCode;
  return typeof code === 'string' && holds(identity, 'cod.biller.self') ? code : undefined;
}
