import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { ApprovalsListDocument, type ApprovalRequestFilter, type ApprovalsListQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { formatDateTime } from '../../format/dates';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { KINDS, STATUSES, kindLabel, statusLabel } from './kinds';
import { StatusBadge } from './StatusBadge';
import './approvals.css';

export type ApprovalRow = ApprovalsListQuery['approvalRequests']['edges'][number]['node'];
export type ListMode = 'waiting' | 'mine' | 'all';

const FILTERS = ['status', 'kind', 'office'] as const;

const MODES: Record<ListMode, { title: string; subtitle: string; caption: string; empty: string; filename: string }> = {
  waiting: {
    title: 'Waiting for me',
    subtitle: 'Pending requests someone else made, of the kinds you may decide, at the offices you look after.',
    caption: 'Requests waiting for your decision',
    empty: 'Nothing is waiting for your decision.',
    filename: 'approvals-waiting.csv',
  },
  mine: {
    title: 'My requests',
    subtitle: 'What you asked for, and what became of it.',
    caption: 'Requests you made',
    empty: 'You have made no requests that match.',
    filename: 'approvals-mine.csv',
  },
  all: {
    title: 'All requests',
    subtitle: 'Every request at the offices you may see, whoever made it.',
    caption: 'Approval requests',
    empty: 'No requests match these filters.',
    filename: 'approvals.csv',
  },
};

const column = createColumnHelper<ApprovalRow>();

function columnsFor(mode: ListMode) {
  return [
    column.accessor('createdAt', { header: 'Submitted', cell: (info) => formatDateTime(info.getValue()) }),
    column.accessor('kind', { header: 'Kind', cell: (info) => kindLabel(info.getValue()) }),
    column.accessor('summary', {
      header: 'Request',
      cell: (info) => (
        <Link to={`/approvals/${info.row.original.id}`} title={info.getValue()}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor('officeCode', { header: 'Office', cell: (info) => <span className="mono">{info.getValue()}</span> }),
    ...(mode === 'mine' ? [] : [column.accessor((row) => row.maker.username, { id: 'maker', header: 'Maker' })]),
    column.accessor('status', { header: 'Status', cell: (info) => <StatusBadge status={info.getValue()} /> }),
    mode === 'waiting'
      ? column.accessor('expiresAt', { header: 'Expires', cell: (info) => formatDateTime(info.getValue()) })
      : column.accessor((row) => row.checker?.username ?? '', { id: 'checker', header: 'Checker' }),
    ...(mode === 'waiting' ? [] : [column.accessor('decidedAt', { header: 'Decided', cell: (info) => formatDateTime(info.getValue()) })]),
  ];
}

/** The three views of the inbox, as links (each is its own URL, so each can be bookmarked). */
function InboxViews() {
  const me = useMe();
  return (
    <nav className="inbox-views" aria-label="Approval views">
      <NavLink to="/approvals" end>
        Waiting for me
      </NavLink>
      <NavLink to="/approvals/mine">My requests</NavLink>
      {can(me, 'approval.read') ? <NavLink to="/approvals/all">All requests</NavLink> : null}
    </nav>
  );
}

/**
 * An approvals list, paged by the API (newest first) with its filters in the URL. "Waiting for me" is the server's
 * own reading of what the person may decide (waitingForMe: pending, not theirs, a kind they check); "My requests"
 * is mine: true; "All requests" is everything in their approval.read scope.
 */
export function ApprovalList({ mode }: { mode: ListMode }) {
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const texts = MODES[mode];
  const [office, setOffice] = useState(filters.office);
  const pushOffice = useMemo(() => debounce((value: string) => setFilters({ office: value.trim().toUpperCase() })), [setFilters]);
  const filter: ApprovalRequestFilter = {
    ...(mode === 'waiting' ? { waitingForMe: true } : {}),
    ...(mode === 'mine' ? { mine: true } : {}),
    ...(mode !== 'waiting' && filters.status ? { status: filters.status as ApprovalRequestFilter['status'] } : {}),
    ...(filters.kind ? { kind: filters.kind as ApprovalRequestFilter['kind'] } : {}),
    ...(filters.office ? { officeCode: filters.office } : {}),
  };
  const list = useKeysetList({
    query: op(ApprovalsListDocument),
    variables: { filter },
    select: (data) => ({
      rows: data.approvalRequests.edges.map((edge) => edge.node),
      endCursor: data.approvalRequests.pageInfo.endCursor,
      hasNextPage: data.approvalRequests.pageInfo.hasNextPage,
    }),
  });
  const columns = useMemo(() => columnsFor(mode), [mode]);

  return (
    <>
      <PageHeader
        title={texts.title}
        subtitle={texts.subtitle}
        actions={
          <ExportButton
            filename={texts.filename}
            fetchPage={list.fetchPage}
            columns={[
              { header: 'Id', value: (row) => row.id },
              { header: 'Submitted', value: (row) => row.createdAt },
              { header: 'Kind', value: (row) => row.kind },
              { header: 'Summary', value: (row) => row.summary },
              { header: 'Office', value: (row) => row.officeCode },
              { header: 'Maker', value: (row) => row.maker.username },
              { header: 'Status', value: (row) => row.status },
              { header: 'Checker', value: (row) => row.checker?.username },
              { header: 'Decided', value: (row) => row.decidedAt },
              { header: 'Expires', value: (row) => row.expiresAt },
            ]}
          />
        }
      />
      <InboxViews />
      <search className="filters" aria-label={`Filter ${texts.title.toLowerCase()}`}>
        {mode === 'waiting' ? null : (
          <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={STATUSES.map((value) => ({ value, label: statusLabel(value) }))} />
        )}
        <SelectField label="Kind" value={filters.kind} onChange={(kind) => setFilters({ kind })} options={KINDS.map((value) => ({ value, label: kindLabel(value) }))} />
        <TextField
          label="Office"
          description="Office code: that office and those under it"
          value={office}
          onChange={(value) => {
            setOffice(value);
            pushOffice(value);
          }}
        />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption={texts.caption}
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.id}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/approvals/${row.id}`)}
        emptyText={list.loading ? 'Loading…' : texts.empty}
      />
    </>
  );
}
