export { createServiceClient, DEFAULT_SERVICE_TIMEOUT_MS, type ServiceClient, type ServiceClientOptions, type ServiceRequest } from './client.js';
export {
  createApprovalsClient,
  DEFAULT_ADMINISTRATION_TIMEOUT_MS,
  type ApprovalsClient,
  type ApprovalsClientOptions,
  type ApprovalSubmission,
  type SubmittedApproval,
} from './approvals.js';
