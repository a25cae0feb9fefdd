import type { Identity } from '@postal/auth';
import { billerScope } from '@postal/authz';

/**
 * The biller a BILLER caller acts for (@postal/authz billerScope: bound to a biller, holding cod.biller.self, password
 * chosen), or undefined for the post office's staff, services and anonymous callers.
 */
export function selfBillerCode(identity: Identity): string | undefined {
  return billerScope(identity)?.billerCode;
}
