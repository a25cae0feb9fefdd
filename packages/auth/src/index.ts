export { hashPassword, verifyPassword, DUMMY_PASSWORD_HASH } from './passwords.js';
export { accessTokenExpiresAt, signAccessToken, verifyAccessToken, type AccessTokenClaims } from './tokens.js';
export {
  signIdentity,
  verifyIdentity,
  IDENTITY_HEADER,
  TIMESTAMP_HEADER,
  NONCE_HEADER,
  SIGNATURE_HEADER,
  MAX_CLOCK_SKEW_MS,
  NONCE_TTL_MS,
  IdentityError,
  type SignatureTarget,
  type VerifyIdentityOptions,
  type Identity,
  type SignedRequestContext,
  type StaffGrant,
  UPLOAD_PARAMS_HEADER,
  uploadSignedBody,
} from './identity.js';
export { createMemoryNonceStore, NonceStoreUnavailableError, type NonceStore, type MemoryNonceStoreOptions } from './nonce-store.js';
export { ROLES, BILLER_ROLE, BILLER_CODE_PATTERN, billerBindingProblem, isBillerCode, isRole, type Role } from './roles.js';
export { approvalPayloadMac, verifyApprovalPayloadMac, APPROVAL_MAC_INFO } from './approval-mac.js';
