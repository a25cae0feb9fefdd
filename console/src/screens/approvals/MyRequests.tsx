import { ApprovalList } from './ApprovalList';

/** /approvals/mine: the requests the signed-in person made. */
export default function MyRequests() {
  return <ApprovalList mode="mine" />;
}
