import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuditTrailDocument, type AuditTrailFilter, type AuditTrailQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsFor, unclaimed } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { actionWords } from './audit-words';
import { dayRange } from './day-range';
import './audit.css';

type AuditRow = AuditTrailQuery['auditTrail']['edges'][number]['node'];

const FILTERS = ['actor', 'action', 'office', 'target', 'from', 'to'] as const;

const column = createColumnHelper<AuditRow>();
const columns = [
  column.accessor('occurredAt', {
    header: 'When',
    cell: (info) => <Link to={`/audit/${info.row.original.id}`}>{formatDateTime(info.getValue())}</Link>,
  }),
  column.accessor('action', { header: 'Action', cell: (info) => <span title={actionWords(info.getValue())} className="mono">{info.getValue()}</span> }),
  column.accessor('outcome', { header: 'Outcome', cell: (info) => <span className={`status outcome-${info.getValue().toLowerCase()}`}>{info.getValue() === 'SUCCESS' ? 'Success' : 'Failure'}</span> }),
  column.accessor((row) => row.actor.username ?? row.actor.id ?? row.actor.kind.toLowerCase(), {
    id: 'actor',
    header: 'Who',
    cell: (info) => (
      <>
        {info.getValue()}
        {info.row.original.actor.kind !== 'STAFF' ? <span className="muted"> ({info.row.original.actor.kind.toLowerCase()})</span> : null}
      </>
    ),
  }),
  column.accessor('officeCode', { header: 'Office', cell: (info) => <span className="mono">{info.getValue() ?? '—'}</span> }),
  column.accessor((row) => (row.target ? `${row.target.type} ${row.target.id}` : ''), { id: 'target', header: 'Target', cell: (info) => <span title={info.getValue()}>{info.getValue() || '—'}</span> }),
  column.accessor('source', { header: 'Source' }),
  column.accessor((row) => row.seal?.position ?? '', {
    id: 'seal',
    header: 'Chain position',
    meta: { numeric: true },
    cell: (info) => info.getValue() || <span className="muted">sealing…</span>,
  }),
];

/** A text filter that waits for the person to stop typing before it goes to the URL (and the API). */
function useTypedFilter(value: string, push: (value: string) => void) {
  const [text, setText] = useState(value);
  const pushRef = useRef(push);
  pushRef.current = push;
  const pushLater = useMemo(() => debounce((next: string) => pushRef.current(next)), []);
  return [text, (next: string) => { setText(next); pushLater(next); }] as const;
}

/** The audit trail in the person's audit.read scope, newest first, filtered (in the URL) and paged by the API. */
export default function AuditTrail() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [actor, setActor] = useTypedFilter(filters.actor, (value) => setFilters({ actor: value.trim() }));
  const [action, setAction] = useTypedFilter(filters.action, (value) => setFilters({ action: value.trim().toUpperCase() }));
  const [office, setOffice] = useTypedFilter(filters.office, (value) => setFilters({ office: value.trim().toUpperCase() }));
  const [target, setTarget] = useTypedFilter(filters.target, (value) => setFilters({ target: value.trim() }));
  const range = dayRange(filters.from, filters.to);
  const filter: AuditTrailFilter = {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.office ? { officeCode: filters.office } : {}),
    ...(filters.target ? { target: filters.target } : {}),
    ...(range.ok && range.from ? { from: range.from } : {}),
    ...(range.ok && range.to ? { to: range.to } : {}),
  };
  const list = useKeysetList({
    query: op(AuditTrailDocument),
    variables: { filter },
    pause: !range.ok,
    select: (data) => ({
      rows: data.auditTrail.edges.map((edge) => edge.node),
      endCursor: data.auditTrail.pageInfo.endCursor,
      hasNextPage: data.auditTrail.pageInfo.hasNextPage,
    }),
  });
  const apiFields = ['actor', 'action', 'officeCode', 'target', 'from', 'to'];
  const fieldProblems = (field: string) => problemsFor(list.problems, field);

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Every change, sign-in and decision, append-only and sealed into a hash chain."
        actions={
          <>
            {can(me, 'audit.verify') ? (
              <Link className="button button-secondary" to="/audit/verify">
                Verify the audit trail
              </Link>
            ) : null}
            <ExportButton
              filename="audit-trail.csv"
              fetchPage={list.fetchPage}
              columns={[
                { header: 'Id', value: (row) => row.id },
                { header: 'Occurred at', value: (row) => row.occurredAt },
                { header: 'Action', value: (row) => row.action },
                { header: 'Outcome', value: (row) => row.outcome },
                { header: 'Actor kind', value: (row) => row.actor.kind },
                { header: 'Actor', value: (row) => row.actor.username ?? row.actor.id },
                { header: 'Office', value: (row) => row.officeCode },
                { header: 'Target type', value: (row) => row.target?.type },
                { header: 'Target id', value: (row) => row.target?.id },
                { header: 'Reason', value: (row) => row.reason },
                { header: 'Source', value: (row) => row.source },
                { header: 'Chain position', value: (row) => row.seal?.position },
              ]}
            />
          </>
        }
      />
      <search className="filters" aria-label="Filter the audit trail">
        <TextField label="Actor" description="Username" value={actor} onChange={setActor} problems={fieldProblems('actor')} />
        <TextField label="Action" description="e.g. ROLE_GRANTED, LOGIN_FAILED" value={action} onChange={setAction} problems={fieldProblems('action')} />
        <TextField label="Office" description="Office code: it and those under it" value={office} onChange={setOffice} problems={fieldProblems('officeCode')} />
        <TextField label="Target" description="A staff id, office code, request id…" value={target} onChange={setTarget} problems={fieldProblems('target')} />
        <TextField
          label="From day"
          type="date"
          value={filters.from}
          onChange={(from) => setFilters({ from })}
          localError={!range.ok && range.field === 'from' ? range.message : undefined}
          problems={fieldProblems('from')}
        />
        <TextField
          label="To day (included)"
          type="date"
          value={filters.to}
          onChange={(to) => setFilters({ to })}
          localError={!range.ok && range.field === 'to' ? range.message : undefined}
          problems={fieldProblems('to')}
        />
      </search>
      <ProblemList problems={unclaimed(list.problems, apiFields)} />
      <DataTable
        caption="Audit records"
        columns={columns}
        rows={range.ok ? list.rows : []}
        rowKey={(row) => row.id}
        hasMore={range.ok && list.hasMore}
        loadingMore={range.ok && (list.loading || list.loadingMore)}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/audit/${row.id}`)}
        emptyText={!range.ok ? 'Correct the days to see records.' : list.loading ? 'Loading…' : 'No records match these filters.'}
      />
    </>
  );
}
