import type { Resolvers } from '../generated/resolvers-types.js';

export const staffResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, { services, identity }) => services.staff.me(identity),
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
