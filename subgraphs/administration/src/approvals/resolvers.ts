import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: read arguments, call the approvals service with the signed caller. */
export const approvalResolvers: Resolvers = {
  Query: {
    approvalRequests: (_parent, { filter, first, after }, { services, identity }) =>
      services.approvals.listApprovalRequests(identity, filter, first, after),
    approvalRequest: (_parent, { id }, { services, identity }) => services.approvals.getApprovalRequest(identity, id),
  },
  Mutation: {
    submitApprovalRequest: (_parent, { input }, { services, identity, requestId, clientAddress }) =>
      services.approvals.submit({ identity, requestId, clientAddress }, input),
    approve: (_parent, { id, comment }, { services, identity, requestId, clientAddress }) =>
      services.approvals.approve({ identity, requestId, clientAddress }, id, comment),
    reject: (_parent, { id, reason }, { services, identity, requestId, clientAddress }) =>
      services.approvals.reject({ identity, requestId, clientAddress }, id, reason),
  },
  ApprovalRequest: {
    __resolveReference: (reference, { services, identity }) => services.approvals.getApprovalRequest(identity, reference.id),
    office: (request, _args, { services, identity, loaders }) => services.offices.getOffice(identity, request.officeCode, loaders),
  },
  ApprovalParty: {
    staff: (party, _args, { services, identity, loaders }) => services.staff.getStaff(identity, party.id, loaders),
  },
};
