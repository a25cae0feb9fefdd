import { scalarResolvers } from '@postal/scalars';
import type { Resolvers } from './generated/resolvers-types.js';

/** Thin: read arguments, call a service with the signed caller, return what it gives. No SQL, no rules. */
export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    me: (_parent, _args, { services, identity }) => services.staff.me(identity),
    office: (_parent, { code }, { services, identity }) => services.offices.getOffice(identity, code),
    offices: (_parent, { first, after }, { services, identity }) => services.offices.listOffices(identity, first, after),
  },
  Mutation: {
    login: (_parent, { username, password }, { services, identity, requestId, clientAddress }) =>
      services.auth.login({ identity, requestId, clientAddress }, username, password),
  },
  Office: {
    __resolveReference: (reference, { services, identity }) => services.offices.getOffice(identity, reference.code),
    parent: (office, _args, { services, identity }) =>
      office.parentCode === null ? null : services.offices.getOffice(identity, office.parentCode),
  },
  Staff: {
    __resolveReference: (reference, { services, identity }) => services.staff.getStaff(identity, reference.id),
    office: async (staff, _args, { services, identity }) => {
      const office = await services.offices.getOffice(identity, staff.officeCode);
      if (!office) throw new Error(`office ${staff.officeCode} of staff ${staff.id} is missing`);
      return office;
    },
  },
};
