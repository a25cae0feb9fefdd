import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: read arguments, call the office service with the signed caller. No SQL, no rules. */
export const officeResolvers: Resolvers = {
  Query: {
    office: (_parent, { code }, { services, identity }) => services.offices.getOffice(identity, code),
    offices: (_parent, { filter, first, after }, { services, identity }) => services.offices.listOffices(identity, filter, first, after),
  },
  Mutation: {
    createOffice: (_parent, { input }, context) => context.services.offices.createOffice(context, input),
    renameOffice: (_parent, { code, name }, context) => context.services.offices.renameOffice(context, code, name),
    updateOffice: (_parent, { code, input }, context) => context.services.offices.updateOffice(context, code, input),
    moveOffice: (_parent, { code, newParentCode, accountOfficeCode }, context) =>
      context.services.offices.moveOffice(context, code, newParentCode, accountOfficeCode),
    closeOffice: (_parent, { code, closedOn }, context) => context.services.offices.closeOffice(context, code, closedOn),
  },
  Office: {
    __resolveReference: (reference, { services, identity, loaders }) => services.offices.getOffice(identity, reference.code, loaders),
    parent: (office, _args, { services, identity, loaders }) =>
      office.parentCode === null ? null : services.offices.getOffice(identity, office.parentCode, loaders),
    children: (office, { first, after }, { services, identity, loaders }) => services.offices.children(identity, office, first, after, loaders),
    ancestors: (office, _args, { services, identity }) => services.offices.ancestors(identity, office),
    accountOffice: (office, _args, { services, identity, loaders }) =>
      office.accountOfficeCode === null ? null : services.offices.getOffice(identity, office.accountOfficeCode, loaders),
    contact: (office) => ({ phone: office.phone, email: office.email }),
  },
};
