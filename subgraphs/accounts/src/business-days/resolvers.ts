import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: arguments in, a call to the business-day service (which holds the rules, authorization included). */
export const businessDayResolvers: Resolvers = {
  Query: {
    businessDayCloses: (_parent, { officeCode, first }, { services, identity }) => services.businessDays.businessDayCloses(identity, officeCode, first),
    officesNotClosedThrough: (_parent, { date, underOfficeCode, first, after }, { services, identity }) =>
      services.businessDays.officesNotClosedThrough(identity, { date, underOfficeCode }, first, after),
  },
  Mutation: {
    closeBusinessDay: (_parent, { officeCode, date }, context) => context.services.businessDays.closeBusinessDay(context, officeCode, date),
  },
  UnclosedOfficeConnection: {
    totalCount: (page) => page.totalCount(),
  },
  Office: {
    closedThrough: (office, _args, { services, identity }) => services.businessDays.closedThrough(identity, office.code),
  },
};
