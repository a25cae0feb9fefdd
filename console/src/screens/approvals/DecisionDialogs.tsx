import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import { useMutation } from 'urql';
import { ApprovalApproveDocument, ApprovalRejectDocument } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsFor, problemsOf, unclaimed, type Problem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';
import { MAX_DECISION_TEXT } from './kinds';
import { TextAreaField } from './TextAreaField';

/** The inbox's rule for a reason or comment, checked before sending (the server checks it again). */
export function decisionTextError(text: string, required: boolean): string | undefined {
  const length = text.trim().length;
  if (required && length === 0) return 'Give a reason: the maker and the audit trail read it.';
  if (length > MAX_DECISION_TEXT) return `At most ${MAX_DECISION_TEXT.toLocaleString('en-IN')} characters (this has ${length.toLocaleString('en-IN')}).`;
  return undefined;
}

interface DecisionProps {
  requestId: string;
  summary: string;
  /** Told once the server has recorded the decision, with a sentence for the status line. */
  onDecided: (message: string) => void;
}

function DecisionDialog({
  kind,
  requestId,
  summary,
  onDecided,
}: DecisionProps & { kind: 'approve' | 'reject' }) {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [approveState, approve] = useMutation(op(ApprovalApproveDocument));
  const [rejectState, reject] = useMutation(op(ApprovalRejectDocument));
  const approving = kind === 'approve';
  const field = approving ? 'comment' : 'reason';
  const localError = tried ? decisionTextError(text, !approving) : undefined;
  const busy = approveState.fetching || rejectState.fetching;

  const submit = async (close: () => void) => {
    setTried(true);
    if (decisionTextError(text, !approving)) return;
    const trimmed = text.trim();
    const result = approving
      ? await approve({ id: requestId, comment: trimmed.length > 0 ? trimmed : null })
      : await reject({ id: requestId, reason: trimmed });
    const found = problemsOf(result.error);
    setProblems(found);
    if (found.length === 0) {
      close();
      onDecided(approving ? 'You approved the request.' : 'You rejected the request.');
    }
  };

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) return;
        setText('');
        setTried(false);
        setProblems([]);
      }}
    >
      <Button variant={approving ? 'primary' : 'danger'}>{approving ? 'Approve…' : 'Reject…'}</Button>
      <Modal className="modal" isDismissable={!busy}>
        <Dialog className="dialog">
          {({ close }) => (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void submit(close);
              }}
            >
              <Heading slot="title">{approving ? 'Approve this request' : 'Reject this request'}</Heading>
              <p className="decision-summary">{summary}</p>
              <TextAreaField
                label={approving ? 'Comment (optional)' : 'Reason'}
                description={approving ? 'Up to 2,000 characters, kept with the decision.' : '1 to 2,000 characters; the maker sees it.'}
                value={text}
                onChange={setText}
                isRequired={!approving}
                localError={localError}
                problems={problemsFor(problems, field)}
                autoFocus
              />
              <ProblemList problems={unclaimed(problems, [field])} />
              <div className="actions">
                <Button type="submit" variant={approving ? 'primary' : 'danger'} isDisabled={busy}>
                  {busy ? (approving ? 'Approving…' : 'Rejecting…') : approving ? 'Approve' : 'Reject'}
                </Button>
                <Button onPress={close} isDisabled={busy}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

export function ApproveDialog(props: DecisionProps) {
  return <DecisionDialog kind="approve" {...props} />;
}

export function RejectDialog(props: DecisionProps) {
  return <DecisionDialog kind="reject" {...props} />;
}
