import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: role grants (through maker-checker) and revocations. */
export const roleResolvers: Resolvers = {
  Mutation: {
    grantRole: (_parent, { input }, { services, identity, requestId, clientAddress }) =>
      services.roles.grantRole({ identity, requestId, clientAddress }, input),
    revokeRole: (_parent, { input }, { services, identity, requestId, clientAddress }) =>
      services.roles.revokeRole({ identity, requestId, clientAddress }, input),
  },
};
