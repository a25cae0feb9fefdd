import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: read arguments, call the office service with the signed caller. No SQL, no rules. */
export const officeResolvers: Resolvers = {
  Query: {
    office: (_parent, { code }, { services, identity }) => services.offices.getOffice(identity, code),
    offices: (_parent, { first, after }, { services, identity }) => services.offices.listOffices(identity, first, after),
  },
  Office: {
    __resolveReference: (reference, { services, identity }) => services.offices.getOffice(identity, reference.code),
    parent: (office, _args, { services, identity }) =>
      office.parentCode === null ? null : services.offices.getOffice(identity, office.parentCode),
  },
};
