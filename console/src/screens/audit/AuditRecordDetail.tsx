import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AuditRecordDocument } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { roleName } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { actionWords, jsonText } from './audit-words';
import './audit.css';

const trailLink = (filter: Record<string, string>) => `/audit?${new URLSearchParams(filter).toString()}`;

/** /audit/:id: one record: what happened, who did it, where and when, what it changed, and its place in the chain. */
export default function AuditRecordDetail() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: op(AuditRecordDocument), variables: { id } });
  const record = data?.auditRecord ?? null;
  if (!data && fetching) return <Loading what="Opening the record" />;
  if (!record) {
    return (
      <>
        <PageHeader title="Audit record" />
        <ProblemList problems={problemsOf(error)} />
        {!error ? <p>There is no such record, or it is not one you may see.</p> : null}
        <p>
          <Link to="/audit">Back to the audit trail</Link>
        </p>
      </>
    );
  }
  const { actor } = record;
  const raw = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value, null, 2) : '—');
  return (
    <>
      <PageHeader title={`Audit record ${record.id}`} subtitle={`${actionWords(record.action)} · ${formatDateTime(record.occurredAt)}`} />
      <section aria-labelledby="audit-what">
        <h2 id="audit-what">What happened</h2>
        <dl className="detail-grid">
          <dt>Action</dt>
          <dd>
            {actionWords(record.action)} <code>{record.action}</code>
          </dd>
          <dt>Outcome</dt>
          <dd>
            <span className={`status outcome-${record.outcome.toLowerCase()}`}>{record.outcome === 'SUCCESS' ? 'Success' : 'Failure'}</span>
          </dd>
          {record.reason ? (
            <>
              <dt>{record.outcome === 'FAILURE' ? 'Why it failed' : 'Reason given'}</dt>
              <dd className="audit-reason">{record.reason}</dd>
            </>
          ) : null}
          <dt>Target</dt>
          <dd>
            {record.target ? (
              <>
                {record.target.type} <Link to={trailLink({ target: record.target.id })} className="mono" aria-label={`Records about ${record.target.type} ${record.target.id}`}>{record.target.id}</Link>
              </>
            ) : (
              '—'
            )}
          </dd>
          <dt>Recorded by</dt>
          <dd>{record.source}</dd>
        </dl>
      </section>
      <section aria-labelledby="audit-who">
        <h2 id="audit-who">Who, where and when</h2>
        <dl className="detail-grid">
          <dt>Who</dt>
          <dd>
            {actor.username ? <Link to={trailLink({ actor: actor.username })} aria-label={`Records by ${actor.username}`}>{actor.username}</Link> : null}
            {actor.kind !== 'STAFF' ? ` ${actor.kind === 'SERVICE' ? 'service' : 'anonymous'}${actor.id ? ` ${actor.id}` : ''}` : null}
            {actor.kind === 'STAFF' && actor.id ? <span className="muted mono"> {actor.id}</span> : null}
          </dd>
          <dt>Their roles then</dt>
          <dd>{actor.roles.length > 0 ? actor.roles.map(roleName).join(', ') : '—'}</dd>
          <dt>Their office then</dt>
          <dd className="mono">{actor.officeCode ?? '—'}</dd>
          <dt>Office concerned</dt>
          <dd className="mono">{record.officeCode ? <Link to={trailLink({ office: record.officeCode })} aria-label={`Records at office ${record.officeCode}`}>{record.officeCode}</Link> : '—'}</dd>
          <dt>Occurred</dt>
          <dd>{formatDateTime(record.occurredAt)}</dd>
          <dt>Stored</dt>
          <dd>{formatDateTime(record.recordedAt)}</dd>
          <dt>Request id</dt>
          <dd className="mono">{record.requestId ?? '—'}</dd>
          <dt>Client address</dt>
          <dd className="mono">{record.clientAddress ?? '—'}</dd>
        </dl>
      </section>
      <section aria-labelledby="audit-changes">
        <h2 id="audit-changes">Before and after</h2>
        {record.changes.length > 0 ? (
          <table className="diff audit-changes">
            <caption className="visually-hidden">The fields the action touched, before and after</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {record.changes.map((change) => {
                const before = jsonText(change.before);
                const after = jsonText(change.after);
                return (
                  <tr key={change.field}>
                    <th scope="row" className="mono">
                      {change.field}
                    </th>
                    <td className={before === after ? undefined : 'before'}>{before ?? <span className="muted">—</span>}</td>
                    <td className={before === after ? undefined : 'after'}>{after ?? <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted">The record carries no before or after: the action changed no stored fields (a sign-in, a refusal).</p>
        )}
        {record.before || record.after ? (
          <details className="audit-json">
            <summary>Before and after as recorded (JSON)</summary>
            <div className="audit-json-pair">
              <div>
                <h3>Before</h3>
                <pre>{raw(record.before)}</pre>
              </div>
              <div>
                <h3>After</h3>
                <pre>{raw(record.after)}</pre>
              </div>
            </div>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="audit-seal">
        <h2 id="audit-seal">In the hash chain</h2>
        {record.seal ? (
          <dl className="detail-grid">
            <dt>Position</dt>
            <dd className="mono">{record.seal.position}</dd>
            <dt>Chain hash</dt>
            <dd className="mono hash">{record.seal.hash}</dd>
            <dt>Previous hash</dt>
            <dd className="mono hash">{record.seal.previousHash}</dd>
            <dt>Sealed</dt>
            <dd>{formatDateTime(record.seal.sealedAt)}</dd>
            <dt>Event id</dt>
            <dd className="mono">{record.eventId}</dd>
          </dl>
        ) : (
          <p>Not sealed yet: the sealer chains a record within a second or two of storing it.</p>
        )}
      </section>
      <p>
        <Link to="/audit">Back to the audit trail</Link>
      </p>
    </>
  );
}
