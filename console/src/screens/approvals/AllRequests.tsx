import { ApprovalList } from './ApprovalList';

/** /approvals/all: every request in the person's approval.read scope (an auditor's view of the inbox). */
export default function AllRequests() {
  return <ApprovalList mode="all" />;
}
