import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { StaffListDocument, type StaffListQuery, type StaffFilter } from '../../gql/graphql';
import { op } from '../../api/operation';
import { formatDateTime } from '../../format/dates';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can, roleName } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { ROLES, STATUSES, statusWord } from './labels';
import './staff.css';

type StaffRow = StaffListQuery['staffMembers']['edges'][number]['node'];

const FILTERS = ['search', 'status', 'role', 'under'] as const;

const column = createColumnHelper<StaffRow>();
const columns = [
  column.accessor('employeeId', { header: 'Employee id', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor('username', { header: 'Username', cell: (info) => <Link to={`/staff/${info.row.original.id}`}>{info.getValue()}</Link> }),
  column.accessor('name', { header: 'Name' }),
  column.accessor((row) => `${row.office.name} (${row.office.code})`, { id: 'office', header: 'Office' }),
  column.accessor((row) => row.roles.map(roleName).join(', '), { id: 'roles', header: 'Roles' }),
  column.accessor('status', { header: 'Status', cell: (info) => <span className={`status status-${info.getValue().toLowerCase()}`}>{statusWord(info.getValue())}</span> }),
  column.accessor('lastLoginAt', { header: 'Last sign-in', cell: (info) => formatDateTime(info.getValue()) }),
];

/** Staff within the person's staff.read scope: searched, filtered (in the URL), paged by the API, exportable whole. */
export default function StaffList() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(filters.search);
  const pushSearch = useMemo(() => debounce((value: string) => setFilters({ search: value })), [setFilters]);
  const filter: StaffFilter = {
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.status ? { status: filters.status as StaffFilter['status'] } : {}),
    ...(filters.role ? { role: filters.role as StaffFilter['role'] } : {}),
    ...(filters.under ? { underCode: filters.under } : {}),
  };
  const list = useKeysetList({
    query: op(StaffListDocument),
    variables: { filter },
    select: (data) => ({
      rows: data.staffMembers.edges.map((edge) => edge.node),
      endCursor: data.staffMembers.pageInfo.endCursor,
      hasNextPage: data.staffMembers.pageInfo.hasNextPage,
    }),
  });

  return (
    <>
      <PageHeader
        title="Staff"
        subtitle="Everyone at the offices you may see."
        actions={
          <>
            {can(me, 'staff.manage') ? (
              <Link to="/staff/new" className="button button-primary">
                New member of staff
              </Link>
            ) : null}
            <ExportButton
              filename="staff.csv"
              fetchPage={list.fetchPage}
              columns={[
                { header: 'Employee id', value: (row) => row.employeeId },
                { header: 'Username', value: (row) => row.username },
                { header: 'Name', value: (row) => row.name },
                { header: 'Office code', value: (row) => row.office.code },
                { header: 'Office', value: (row) => row.office.name },
                { header: 'Roles', value: (row) => row.roles.join(' ') },
                // Who may do what, and how far (permission:SUBTREE or :OWN_OFFICE): the export is the access review an auditor asks for.
                { header: 'Permissions', value: (row) => row.grants.map((grant) => `${grant.permission}:${grant.scope}`).join(' ') },
                { header: 'Status', value: (row) => row.status },
                { header: 'Last sign-in', value: (row) => row.lastLoginAt },
              ]}
            />
          </>
        }
      />
      <search className="filters" aria-label="Filter staff">
        <TextField
          label="Search"
          description="Username, name or employee id"
          value={search}
          onChange={(value) => {
            setSearch(value);
            pushSearch(value);
          }}
        />
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={STATUSES.map((value) => ({ value, label: statusWord(value) }))} />
        <SelectField label="Role" value={filters.role} onChange={(role) => setFilters({ role })} options={ROLES.map((value) => ({ value, label: roleName(value) }))} />
        <TextField label="Under office" description="Office code" value={filters.under} onChange={(under) => setFilters({ under: under.trim().toUpperCase() })} />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="Staff"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.id}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/staff/${row.id}`)}
        emptyText={list.loading ? 'Loading…' : 'No staff match these filters.'}
      />
    </>
  );
}
