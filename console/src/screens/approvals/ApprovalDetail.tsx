import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApprovalDetailDocument, type ApprovalDetailQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { useMe, type Me } from '../../session/me';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { ApproveDialog, RejectDialog } from './DecisionDialogs';
import { decisionOffer, kindLabel } from './kinds';
import { humanize } from './payload-fields';
import { PayloadView } from './PayloadView';
import { StatusBadge } from './StatusBadge';
import './approvals.css';

type Request = NonNullable<ApprovalDetailQuery['approvalRequest']>;
type Party = Request['maker'];

/** An approved request is executed by its owning subgraph a moment later: look again, a bounded number of times. */
const EXECUTION_POLL_MS = 1_500;
const EXECUTION_POLLS = 20;

function PartyName({ party }: { party: Party }) {
  return party.staff ? (
    <>
      {party.staff.name} (<span className="mono">{party.username}</span>, employee id <span className="mono">{party.staff.employeeId}</span>)
    </>
  ) : (
    <span className="mono">{party.username}</span>
  );
}

function changeHeading(status: string): string {
  switch (status) {
    case 'PENDING':
    case 'APPROVED':
      return 'What will change';
    case 'EXECUTED':
      return 'What changed';
    default:
      return 'What was asked for';
  }
}

/** What execution answered: a failure's code and message, or what it produced (an entry posted, a role granted). */
function ResultView({ result }: { result: Record<string, unknown> }) {
  const code = typeof result.code === 'string' ? result.code : undefined;
  const message = typeof result.message === 'string' ? result.message : undefined;
  if (code || message) {
    return (
      <span>
        {message}
        {code ? <code className="problem-code">{code}</code> : null}
      </span>
    );
  }
  return (
    <span>
      {Object.entries(result)
        .map(([key, value]) => `${humanize(key)}: ${readable(value)}`)
        .join(' · ')}
    </span>
  );
}

function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.length === 0 ? '(none)' : value.join(', ');
  return JSON.stringify(value);
}

function Decision({ me, request, onDecided }: { me: Me; request: Request; onDecided: (message: string) => void }) {
  const offer = decisionOffer(me, request);
  if (offer.offer) {
    return (
      <div className="actions">
        <ApproveDialog requestId={request.id} summary={request.summary} onDecided={onDecided} />
        <RejectDialog requestId={request.id} summary={request.summary} onDecided={onDecided} />
      </div>
    );
  }
  if (offer.why === 'OWN_REQUEST') {
    return <p role="note">You made this request: someone else who may decide it approves or rejects it.</p>;
  }
  if (offer.why === 'NO_PERMISSION') {
    return <p role="note">Deciding a {kindLabel(request.kind).toLowerCase()} is not among your permissions.</p>;
  }
  return null;
}

/** /approvals/:id: one request, its payload as what it changes, and approve or reject for those who may. */
export default function ApprovalDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: op(ApprovalDetailDocument), variables: { id } });
  const [message, setMessage] = useState('');
  const request = data?.approvalRequest ?? null;

  const polls = useRef(0);
  useEffect(() => {
    polls.current = 0;
    setMessage('');
  }, [id]);
  useEffect(() => {
    if (request?.status !== 'APPROVED' || polls.current >= EXECUTION_POLLS) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      reexecute({ requestPolicy: 'network-only' });
    }, EXECUTION_POLL_MS);
    return () => clearTimeout(timer);
  }, [request, reexecute]);

  if (!data && fetching) return <Loading what="Opening the request" />;
  if (!request) {
    return (
      <>
        <PageHeader title="Approval request" />
        <ProblemList problems={problemsOf(error)} />
        {!error ? <p>There is no such request, or it is not one you may see.</p> : null}
        <p>
          <Link to="/approvals">Back to the inbox</Link>
        </p>
      </>
    );
  }

  const decided = request.decidedAt !== null;
  return (
    <>
      <PageHeader title={`${kindLabel(request.kind)} request`} subtitle={request.summary} />
      <p className="approval-status">
        <StatusBadge status={request.status} />
        {request.status === 'PENDING' ? <span> · expires {formatDateTime(request.expiresAt)}</span> : null}
      </p>
      <p role="status" className={message ? 'notice' : 'visually-hidden'}>
        {message}
      </p>
      <ProblemList problems={problemsOf(error)} />
      <Decision
        me={me}
        request={request}
        onDecided={(text) => {
          setMessage(text);
          polls.current = 0;
          reexecute({ requestPolicy: 'network-only' });
        }}
      />

      <section aria-labelledby="approval-change">
        <h2 id="approval-change">{changeHeading(request.status)}</h2>
        <PayloadView kind={request.kind} status={request.status} payload={request.payload} result={request.result} />
      </section>

      <section aria-labelledby="approval-facts">
        <h2 id="approval-facts">The request</h2>
        <dl className="detail-grid">
          <dt>Kind</dt>
          <dd>
            {kindLabel(request.kind)} <span className="muted">(executed by {request.subgraph})</span>
          </dd>
          <dt>Office</dt>
          <dd>
            {request.office ? `${request.office.name} ` : null}
            <span className="mono">{request.office ? `(${request.officeCode})` : request.officeCode}</span>
          </dd>
          <dt>Maker</dt>
          <dd>
            <PartyName party={request.maker} />
            {request.maker.id === me.id ? ' (you)' : null}
          </dd>
          <dt>Submitted</dt>
          <dd>{formatDateTime(request.createdAt)}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={request.status} />
          </dd>
          {request.status === 'PENDING' || request.status === 'EXPIRED' ? (
            <>
              <dt>{request.status === 'EXPIRED' ? 'Expired' : 'Expires'}</dt>
              <dd>{formatDateTime(request.expiresAt)}</dd>
            </>
          ) : null}
          {request.checker ? (
            <>
              <dt>{request.status === 'REJECTED' ? 'Rejected by' : 'Approved by'}</dt>
              <dd>
                <PartyName party={request.checker} />
                {request.checker.id === me.id ? ' (you)' : null}
              </dd>
            </>
          ) : null}
          {decided ? (
            <>
              <dt>Decided</dt>
              <dd>{formatDateTime(request.decidedAt)}</dd>
            </>
          ) : null}
          {request.comment ? (
            <>
              <dt>Comment</dt>
              <dd className="decision-note">{request.comment}</dd>
            </>
          ) : null}
          {request.reason ? (
            <>
              <dt>Reason</dt>
              <dd className="decision-note">{request.reason}</dd>
            </>
          ) : null}
          {request.executedAt ? (
            <>
              <dt>{request.status === 'FAILED' ? 'Failed' : 'Executed'}</dt>
              <dd>{formatDateTime(request.executedAt)}</dd>
            </>
          ) : null}
          {request.result ? (
            <>
              <dt>Result</dt>
              <dd>
                <ResultView result={request.result} />
              </dd>
            </>
          ) : null}
          <dt>Payload hash</dt>
          <dd className="mono hash">{request.payloadHash}</dd>
          <dt>Request id</dt>
          <dd className="mono">{request.id}</dd>
        </dl>
        <details className="payload-json">
          <summary>The exact payload, as stored (JSON)</summary>
          <pre>{JSON.stringify(request.payload, null, 2)}</pre>
        </details>
      </section>
      <p>
        <Link to="/approvals">Back to the inbox</Link>
      </p>
    </>
  );
}
