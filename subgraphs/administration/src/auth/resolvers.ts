import type { Resolvers } from '../generated/resolvers-types.js';

export const authResolvers: Resolvers = {
  Mutation: {
    login: (_parent, { username, password }, { services, identity, requestId, clientAddress }) =>
      services.auth.login({ identity, requestId, clientAddress }, username, password),
    changePassword: (_parent, { currentPassword, newPassword }, { services, identity, requestId, clientAddress }) =>
      services.auth.changePassword({ identity, requestId, clientAddress }, currentPassword, newPassword),
  },
};
