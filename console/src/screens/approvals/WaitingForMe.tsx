import { ApprovalList } from './ApprovalList';

/** /approvals: the requests waiting for the signed-in person's decision. */
export default function WaitingForMe() {
  return <ApprovalList mode="waiting" />;
}
