import type { Resolvers } from '../generated/resolvers-types.js';
import { grantsOfRoles } from '../roles/loaders.js';

/** Thin: read arguments, call the staff service with the signed caller (and request facts for audited commands). */
export const staffResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, { services, identity }) => services.staff.me(identity),
    staff: (_parent, { id }, { services, identity }) => services.staff.getStaff(identity, id),
    staffMembers: (_parent, { filter, first, after }, { services, identity }) => services.staff.listStaff(identity, filter, first, after),
  },
  Mutation: {
    createStaff: (_parent, { input }, context) => context.services.staff.createStaff(context, input),
    updateStaff: (_parent, { id, input }, context) => context.services.staff.updateStaff(context, id, input),
    assignStaff: (_parent, { id, officeCode }, context) => context.services.staff.assignStaff(context, id, officeCode),
    suspendStaff: (_parent, { id, reason }, context) => context.services.staff.suspendStaff(context, id, reason),
    reinstateStaff: (_parent, { id }, context) => context.services.staff.reinstateStaff(context, id),
    markStaffLeft: (_parent, { id, leftOn }, context) => context.services.staff.markStaffLeft(context, id, leftOn),
    resetPassword: (_parent, { id }, context) => context.services.staff.resetPassword(context, id),
  },
  Staff: {
    __resolveReference: (reference, { services, identity, loaders }) => services.staff.getStaff(identity, reference.id, loaders),
    office: (staff, _args, { services, loaders }) => services.staff.officeOf(staff, loaders),
    // Whoever may see the person may see what their roles allow, as they may see the roles themselves.
    grants: (staff, _args, { loaders }) => grantsOfRoles(loaders, staff.roles),
    assignments: (staff, { first }, { services }) => services.staff.assignments(staff, first),
  },
  StaffAssignment: {
    from: (assignment) => assignment.startedAt,
    to: (assignment) => assignment.endedAt,
    office: (assignment, _args, { services, identity, loaders }) => services.offices.getOffice(identity, assignment.officeCode, loaders),
    assignedBy: (assignment, _args, { services, identity, loaders }) =>
      assignment.assignedBy === null ? null : services.staff.getStaff(identity, assignment.assignedBy, loaders),
  },
};
