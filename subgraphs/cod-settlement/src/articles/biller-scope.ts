import type { Identity } from '@postal/auth';

/**
 * The biller a BILLER caller acts for (cod.biller.self, identity.billerCode), or undefined for the post office's
 * staff, services and anonymous callers. The rule is main's @postal/authz `billerScope` (the BILLER role's work, which
 * this branch does not have yet): bound to a well-formed biller code, holding cod.biller.self, password chosen. It
 * reads `billerCode` without the type until then; at the merge this becomes `billerScope(identity)?.billerCode`.
 */
export function selfBillerCode(identity: Identity): string | undefined {
  if (identity.kind !== 'staff' || identity.passwordChangeRequired === true) return undefined;
  const code = (identity as { billerCode?: unknown }).billerCode;
  if (typeof code !== 'string' || !/^BL[0-9]{6}$/.test(code)) return undefined;
  return identity.grants.some((grant) => grant.permission === 'cod.biller.self') ? code : undefined;
}
