import type { Resolvers } from '../generated/resolvers-types.js';

export const sessionResolvers: Resolvers = {
  Query: {
    sessionRevocations: (_parent, { after, first }, { services, identity, requestId, clientAddress }) =>
      services.sessions.revocations({ identity, requestId, clientAddress }, after, first),
  },
  Mutation: {
    logout: (_parent, _args, { services, identity, requestId, clientAddress }) => services.sessions.logout({ identity, requestId, clientAddress }),
  },
};
