export { PERMISSIONS, GRANT_SCOPES, isPermission, type Permission, type GrantScope, type Grant } from './permissions.js';
export { can, holds, assertCan, assertHolds, assertPasswordChosen, scopeOf, type Scope, type OfficeLocation } from './can.js';
export { PasswordChangeRequiredError } from './errors.js';
export { scopeCondition, withinTree } from './sql.js';
export { isWithin, likePrefixOf } from './paths.js';
