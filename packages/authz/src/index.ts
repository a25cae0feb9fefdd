export { PERMISSIONS, BILLER_PERMISSIONS, GRANT_SCOPES, isBillerPermission, isPermission, type Permission, type GrantScope, type Grant } from './permissions.js';
export { can, holds, assertCan, assertHolds, assertPasswordChosen, scopeOf, type Scope, type OfficeLocation } from './can.js';
export { PasswordChangeRequiredError } from './errors.js';
export { scopeCondition, withinTree } from './sql.js';
export { isWithin, likePrefixOf } from './paths.js';
export { billerScope, assertBillerSelf } from './biller.js';
