import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { OfficeDetailDocument, type OfficeDetailQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { useMe } from '../../session/me';
import { can, roleName } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { CloseOfficeDialog } from './CloseOfficeDialog';
import { CreateOfficeDialog } from './CreateOfficeDialog';
import { MoveOfficeDialog } from './MoveOfficeDialog';
import { RenameOfficeDialog } from './RenameOfficeDialog';
import { UpdateOfficeDialog } from './UpdateOfficeDialog';
import { statusName, typeName, typesUnder } from './office-types';
import './offices.css';

type Office = NonNullable<OfficeDetailQuery['office']>;
type AccountRow = NonNullable<Office['ledgerAccounts']>[number];
type CloseRow = NonNullable<OfficeDetailQuery['businessDayCloses']>[number];
type StaffRow = NonNullable<OfficeDetailQuery['staffMembers']>['edges'][number]['node'];

/** How many of the office's staff the detail shows; the staff list has them all. */
const STAFF_INLINE = 20;

const account = createColumnHelper<AccountRow>();
const accountColumns = [
  account.accessor('code', { header: 'Account', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  account.accessor('name', { header: 'Name' }),
  account.accessor('type', { header: 'Type', cell: (info) => info.getValue().toLowerCase() }),
  account.accessor('status', { header: 'Status', cell: (info) => <span className={`status status-${info.getValue().toLowerCase()}`}>{info.getValue()}</span> }),
  account.accessor('balance', { header: 'Balance', cell: (info) => <Money value={info.getValue()} />, meta: { numeric: true } }),
  account.accessor('available', { header: 'Available', cell: (info) => <Money value={info.getValue()} />, meta: { numeric: true } }),
];

const close = createColumnHelper<CloseRow>();
const closeColumns = [
  close.accessor('businessDate', { header: 'Business day', cell: (info) => formatDate(info.getValue()) }),
  close.accessor('previousDate', { header: 'Previous close', cell: (info) => formatDate(info.getValue()) || 'First close' }),
  close.accessor('closedAt', { header: 'Closed at', cell: (info) => formatDateTime(info.getValue()) }),
  close.accessor((row) => row.closedBy.username ?? `${row.closedBy.kind} ${row.closedBy.id}`, { id: 'closedBy', header: 'Closed by' }),
];

const staff = createColumnHelper<StaffRow>();
const staffColumns = [
  staff.accessor('employeeId', { header: 'Employee id', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  staff.accessor('username', { header: 'Username', cell: (info) => <Link to={`/staff/${info.row.original.id}`}>{info.getValue()}</Link> }),
  staff.accessor('name', { header: 'Name' }),
  staff.accessor((row) => row.roles.map(roleName).join(', '), { id: 'roles', header: 'Roles' }),
  staff.accessor('status', { header: 'Status', cell: (info) => <span className={`status status-${info.getValue().toLowerCase()}`}>{info.getValue()}</span> }),
];

function shiftsText(shifts: Office['deliveryShifts']): string {
  const beats = [shifts.morning ? 'morning' : null, shifts.evening ? 'evening' : null].filter(Boolean);
  if (beats.length === 0) return 'No delivery';
  const also = [shifts.sundays ? 'Sundays' : null, shifts.holidays ? 'holidays' : null].filter(Boolean);
  const text = `${beats.join(' and ')} ${beats.length > 1 ? 'beats' : 'beat'} on working days`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${also.length > 0 ? `, also on ${also.join(' and ')}` : ''}`;
}

/**
 * One office: what it is and where it sits, its address and contact, its ledger accounts with balances and its
 * business days (with ledger.read), its staff (with staff.read), and the actions office.manage allows.
 */
export default function OfficeDetail() {
  const { code = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const withLedger = can(me, 'ledger.read');
  const withStaff = can(me, 'staff.read');
  const [{ data, error, fetching }] = useQuery({
    query: op(OfficeDetailDocument),
    variables: { code: code.toUpperCase(), withLedger, withStaff, staffFirst: STAFF_INLINE },
  });
  // A notice handed over by the create dialog (which opens the new office) is shown once: the history entry forgets it,
  // so a reload does not repeat it. Opening another office clears the notice.
  const handed = (location.state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<string | undefined>(handed);
  const [noticeFor, setNoticeFor] = useState(code);
  if (noticeFor !== code) {
    setNoticeFor(code);
    setNotice(handed);
  }
  useEffect(() => {
    if (handed) void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [handed, navigate, location.pathname, location.search]);

  const problems = problemsOf(error);
  const office = data?.office;
  if (!data && fetching) return <Loading what={`Loading office ${code}`} />;
  if (!office) {
    return (
      <>
        <PageHeader title={`Office ${code}`} />
        <ProblemList problems={problems} />
        {problems.length === 0 ? (
          <p>
            There is no office {code} among the offices you may see. <Link to="/offices">Back to the office tree</Link>
          </p>
        ) : null}
      </>
    );
  }

  const manage = can(me, 'office.manage') && office.status === 'ACTIVE';
  const hasChildren = office.children.edges.length > 0;
  const done = (text: string) => setNotice(text);
  return (
    <>
      {office.ancestors.length > 0 ? (
        <nav aria-label="Offices above" className="offices-breadcrumb">
          <ol>
            <li>
              <Link to="/offices">Offices</Link>
            </li>
            {office.ancestors.map((ancestor) => (
              <li key={ancestor.code}>
                <Link to={`/offices/${encodeURIComponent(ancestor.code)}`}>{ancestor.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <PageHeader
        title={office.name}
        subtitle={
          <>
            <span className="mono">{office.code}</span> · {typeName(office.type)} ·{' '}
            <span className={`status status-${office.status.toLowerCase()}`}>{statusName(office.status)}</span>
          </>
        }
        actions={
          manage ? (
            <>
              {typesUnder(office.type).length > 0 ? <CreateOfficeDialog parent={{ code: office.code, name: office.name, type: office.type }} /> : null}
              <RenameOfficeDialog office={office} onDone={done} />
              <UpdateOfficeDialog office={office} onDone={done} />
              {office.type !== 'CIRCLE' ? <MoveOfficeDialog office={office} onDone={done} /> : null}
              <CloseOfficeDialog office={office} onDone={done} />
            </>
          ) : null
        }
      />
      <div role="status" aria-live="polite" className="offices-notice-slot">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      <ProblemList problems={problems} />
      {office.status === 'CLOSED' && can(me, 'office.manage') ? <p className="offices-context">A closed office is history: it cannot be changed.</p> : null}

      <div className="offices-detail-columns">
        <section aria-labelledby="office-facts">
          <h2 id="office-facts">Office</h2>
          <dl className="detail-grid">
            <dt>Code</dt>
            <dd className="mono">{office.code}</dd>
            <dt>Type</dt>
            <dd>{typeName(office.type)}</dd>
            <dt>Status</dt>
            <dd>{statusName(office.status)}</dd>
            <dt>Parent</dt>
            <dd>{office.parent ? <OfficeLink office={office.parent} /> : office.ancestors.length === 0 ? 'Top of your offices' : 'Outside your offices'}</dd>
            <dt>Account office</dt>
            <dd>{office.accountOffice ? <OfficeLink office={office.accountOffice} /> : 'None (not a sub or branch office)'}</dd>
            <dt>PIN</dt>
            <dd className="mono">{office.pin ?? '—'}</dd>
            <dt>Opened on</dt>
            <dd>{formatDate(office.openedOn)}</dd>
            <dt>Closed on</dt>
            <dd>{office.closedOn ? formatDate(office.closedOn) : '—'}</dd>
            <dt>Offices under it</dt>
            <dd>{hasChildren ? <Link to={`/offices/search?under=${encodeURIComponent(office.code)}`}>List the offices under {office.code}</Link> : 'None'}</dd>
          </dl>
        </section>
        <section aria-labelledby="office-contact">
          <h2 id="office-contact">Address and contact</h2>
          <dl className="detail-grid">
            <dt>Address</dt>
            <dd>
              {office.address ? (
                <address>
                  {office.address.line1}
                  {office.address.line2 ? <>, {office.address.line2}</> : null}
                  <br />
                  {[office.address.city, office.address.district, office.address.state].filter(Boolean).join(', ')}
                </address>
              ) : (
                '—'
              )}
            </dd>
            <dt>Phone</dt>
            <dd>{office.contact.phone ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{office.contact.email ?? '—'}</dd>
            <dt>Delivery</dt>
            <dd>{shiftsText(office.deliveryShifts)}</dd>
          </dl>
        </section>
      </div>

      {withLedger ? (
        <>
          <section aria-labelledby="office-ledger">
            <h2 id="office-ledger">Ledger accounts</h2>
            <DataTable
              caption={`Ledger accounts of ${office.code}`}
              columns={accountColumns}
              rows={office.ledgerAccounts ?? []}
              rowKey={(row) => row.code}
              emptyText="This office has no ledger accounts yet."
              maxHeight={360}
            />
          </section>
          <section aria-labelledby="office-days">
            <h2 id="office-days">Business days</h2>
            <p>
              {office.closedThrough ? (
                <>
                  Closed through <strong>{formatDate(office.closedThrough)}</strong>: postings dated on or before it are refused.
                </>
              ) : (
                'No business day closed yet.'
              )}
            </p>
            {(data.businessDayCloses ?? []).length > 0 ? (
              <DataTable
                caption={`Recent business day closes of ${office.code}`}
                columns={closeColumns}
                rows={data.businessDayCloses ?? []}
                rowKey={(row) => row.businessDate}
                maxHeight={320}
                summary={`The last ${(data.businessDayCloses ?? []).length} closes`}
              />
            ) : null}
          </section>
        </>
      ) : null}

      {withStaff && data.staffMembers ? (
        <section aria-labelledby="office-staff">
          <h2 id="office-staff">Staff</h2>
          <p>
            <Link to={`/staff?under=${encodeURIComponent(office.code)}`}>All staff at and under {office.code}</Link>
          </p>
          <DataTable
            caption={`Staff at ${office.code}`}
            columns={staffColumns}
            rows={data.staffMembers.edges.map((edge) => edge.node)}
            rowKey={(row) => row.id}
            emptyText="Nobody is assigned to this office."
            maxHeight={360}
            summary={
              data.staffMembers.pageInfo.hasNextPage
                ? `The first ${STAFF_INLINE} at this office; the staff list has them all`
                : `${data.staffMembers.edges.length} at this office`
            }
          />
        </section>
      ) : null}
    </>
  );
}

function OfficeLink({ office }: { office: { code: string; name: string } }) {
  return (
    <Link to={`/offices/${encodeURIComponent(office.code)}`}>
      {office.name} <span className="mono">({office.code})</span>
    </Link>
  );
}
