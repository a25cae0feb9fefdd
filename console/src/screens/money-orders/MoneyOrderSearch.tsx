import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { formatDate, formatDateTime } from '../../format/dates';
import { MoListDocument, type MoListQuery, type MoneyOrderFilter } from '../../gql/graphql';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { DateField } from '../staff/DateField';
import { normalisePhone } from './codes';
import { PRODUCT_LABELS, PRODUCTS, productLabel, STATUS_LABELS, STATUSES, statusClass, statusLabel } from './labels';
import { groupReference, normaliseReference, referenceProblem } from './reference';
import './money-orders.css';

type Row = MoListQuery['moneyOrders']['edges'][number]['node'];

const FILTERS = ['office', 'status', 'product', 'from', 'to', 'phone'] as const;

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('reference', { header: 'Reference', cell: (info) => <Link to={`/money-orders/${info.getValue()}`} className="mono">{groupReference(info.getValue())}</Link> }),
  column.accessor('status', { header: 'Status', cell: (info) => <span className={statusClass(info.getValue())}>{statusLabel(info.getValue())}</span> }),
  column.accessor('product', { header: 'Product', cell: (info) => productLabel(info.getValue()) }),
  column.accessor('amount', { header: 'Amount', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} /> }),
  column.accessor('bookedOn', { header: 'Booked', cell: (info) => formatDate(info.getValue()) }),
  column.accessor('bookingOfficeCode', { header: 'Booked at' }),
  column.accessor('payingOfficeCode', { header: 'Paid at' }),
  column.accessor((row) => row.sender.name, { id: 'sender', header: 'Sender' }),
  column.accessor((row) => row.sender.phone, { id: 'senderPhone', header: 'Sender phone', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor((row) => row.payee.name, { id: 'payee', header: 'Payee' }),
  column.accessor('paidAt', { header: 'Paid', cell: (info) => formatDateTime(info.getValue()) }),
];

/**
 * Money orders in the person's mo.read scope, newest first: filtered by office (and everything under it), status,
 * product, booking dates and the sender's phone (which needs mo.parties.read), in the URL; keyset pages; exportable.
 * A reference typed in the search box opens that order.
 */
export default function MoneyOrderSearch() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [phone, setPhone] = useState(filters.phone);
  const [office, setOffice] = useState(filters.office);
  const [jump, setJump] = useState('');
  const pushPhone = useMemo(() => debounce((value: string) => setFilters({ phone: normalisePhone(value) })), [setFilters]);
  const pushOffice = useMemo(() => debounce((value: string) => setFilters({ office: value.trim().toUpperCase() })), [setFilters]);
  const filter: MoneyOrderFilter = {
    ...(filters.office ? { officeCode: filters.office } : {}),
    ...(filters.status ? { status: filters.status as MoneyOrderFilter['status'] } : {}),
    ...(filters.product ? { product: filters.product as MoneyOrderFilter['product'] } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.phone ? { senderPhone: filters.phone } : {}),
  };
  const list = useKeysetList({
    query: op(MoListDocument),
    variables: { filter },
    select: (data) => ({ rows: data.moneyOrders.edges.map((edge) => edge.node), endCursor: data.moneyOrders.pageInfo.endCursor, hasNextPage: data.moneyOrders.pageInfo.hasNextPage }),
  });
  const jumpProblem = jump.trim() === '' ? undefined : referenceProblem(jump);

  return (
    <>
      <PageHeader
        title="Money orders"
        subtitle="Orders booked or paid at the offices you may see, newest first."
        actions={
          <ExportButton
            filename="money-orders.csv"
            fetchPage={list.fetchPage}
            columns={[
              { header: 'Reference', value: (row) => row.reference },
              { header: 'Status', value: (row) => row.status },
              { header: 'Product', value: (row) => row.product },
              { header: 'Amount', value: (row) => row.amount.amount },
              { header: 'Commission', value: (row) => row.commission.amount },
              { header: 'Currency', value: (row) => row.amount.currency },
              { header: 'Booked on', value: (row) => row.bookedOn },
              { header: 'Booking office', value: (row) => row.bookingOfficeCode },
              { header: 'Paying office', value: (row) => row.payingOfficeCode },
              { header: 'Sender', value: (row) => row.sender.name },
              { header: 'Sender phone', value: (row) => row.sender.phone },
              { header: 'Payee', value: (row) => row.payee.name },
              { header: 'Paid at', value: (row) => row.paidAt },
            ]}
          />
        }
      />
      <form
        className="filters"
        aria-label="Open an order by reference"
        onSubmit={(event) => {
          event.preventDefault();
          if (jump.trim() !== '' && !jumpProblem) void navigate(`/money-orders/${normaliseReference(jump)}`);
        }}
      >
        <TextField label="Open by reference" description="18 digits; Enter opens it" value={jump} onChange={setJump} inputClassName="mono" localError={normaliseReference(jump).length >= 18 ? jumpProblem : undefined} />
      </form>
      <search className="filters" aria-label="Filter money orders">
        <TextField label="Office" description="Booking or paying, and the offices under it" value={office} onChange={(value) => { setOffice(value); pushOffice(value); }} />
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))} />
        <SelectField label="Product" value={filters.product} onChange={(product) => setFilters({ product })} options={PRODUCTS.map((value) => ({ value, label: PRODUCT_LABELS[value] }))} />
        <DateField label="Booked from" value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateField label="Booked to" value={filters.to} onChange={(to) => setFilters({ to })} />
        {can(me, 'mo.parties.read') ? (
          <TextField label="Sender's phone" description="Exactly, e.g. +919812345678" type="tel" value={phone} onChange={(value) => { setPhone(value); pushPhone(value); }} />
        ) : null}
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="Money orders"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.reference}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/money-orders/${row.reference}`)}
        emptyText={list.loading ? 'Loading…' : 'No money orders match these filters.'}
      />
    </>
  );
}
