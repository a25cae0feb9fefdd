import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/dates';

export interface SubmittedRequest {
  id: string;
  status: string;
  summary: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * What a maker sees once a command has gone to the approvals inbox: the pending request, with a link to it. The
 * heading takes the focus, so a keyboard or screen-reader user lands on the outcome.
 */
export function ApprovalSubmitted({ title, request, children }: { title: string; request: SubmittedRequest; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice journal-submitted" aria-labelledby="journal-submitted-heading">
      <h2 id="journal-submitted-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p role="status">
        Waiting for approval: another officer entitled to approve it must check it in the approvals inbox before anything is posted.
      </p>
      <dl className="detail-grid">
        <dt>Request</dt>
        <dd>
          <Link to={`/approvals/${request.id}`}>Open the approval request</Link>
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${request.status.toLowerCase()}`}>{request.status}</span>
        </dd>
        <dt>Summary</dt>
        <dd>{request.summary}</dd>
        <dt>Submitted</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>Expires if not decided</dt>
        <dd>{formatDateTime(request.expiresAt)}</dd>
      </dl>
      {children}
    </section>
  );
}
