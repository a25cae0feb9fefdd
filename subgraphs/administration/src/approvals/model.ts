import type { ApprovalStatus } from './domain.js';
import type { ApprovalKind } from './kinds.js';
import type { ApprovalPayload } from './payload.js';

/** A person on either side of a request, as recorded on it (the username as it was then). */
export interface ApprovalParty {
  id: string;
  username: string;
}

/** An approval request as the service hands it to resolvers; `status` is the effective one (see domain.ts). */
export interface ApprovalRequestRecord {
  id: string;
  kind: ApprovalKind;
  subgraph: string;
  summary: string;
  payload: ApprovalPayload;
  payloadHash: string;
  maker: ApprovalParty;
  officeCode: string;
  officePath: string;
  status: ApprovalStatus;
  checker: ApprovalParty | null;
  reason: string | null;
  comment: string | null;
  result: Record<string, unknown> | null;
  createdAt: Date;
  decidedAt: Date | null;
  executedAt: Date | null;
  expiresAt: Date;
}
