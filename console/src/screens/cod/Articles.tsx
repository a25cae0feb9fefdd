import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { formatDate } from '../../format/dates';
import { CodArticlesDocument, type CodArticleFilter, type CodArticlesQuery } from '../../gql/graphql';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { DateField } from '../staff/DateField';
import { ClearDigitalDialog, ClearingDone, type Clearing } from './ClearDigital';
import { articleNumberProblem, groupArticleNumber, normaliseArticleNumber } from './article-number';
import { ARTICLE_STATUS_LABELS, ARTICLE_STATUSES, articleStatusLabel, COLLECTION_MODE_LABELS } from './labels';
import './cod.css';

type Row = CodArticlesQuery['codArticles']['edges'][number]['node'];

const FILTERS = ['biller', 'status', 'office', 'from', 'to'] as const;

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('articleNumber', { header: 'Article', cell: (info) => <Link to={`/cod/articles/${info.getValue()}`} className="mono">{groupArticleNumber(info.getValue())}</Link> }),
  column.accessor('status', { header: 'Status', cell: (info) => articleStatusLabel(info.getValue()) }),
  column.accessor('billerCode', { header: 'Biller' }),
  column.accessor('codAmount', { header: 'COD amount', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} /> }),
  column.accessor((row) => row.collection?.amount ?? null, { id: 'collected', header: 'Collected', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} /> }),
  column.accessor((row) => (row.collection ? COLLECTION_MODE_LABELS[row.collection.mode] : ''), { id: 'mode', header: 'Paid by' }),
  column.accessor('bookedOn', { header: 'Booked', cell: (info) => formatDate(info.getValue()) }),
  column.accessor('deliveryOfficeCode', { header: 'Delivery office' }),
  column.accessor('deliveredOn', { header: 'Delivered', cell: (info) => formatDate(info.getValue()) }),
];

/**
 * COD articles in the person's cod.read scope (a biller's own people: their own), newest first; filtered by biller,
 * status, delivery office (and everything under it) and delivery dates, in the URL; keyset pages; exportable. An
 * article number typed in the search box opens that article. Holders of cod.article.register register one by hand
 * here; finance officers clear UPI and card collections from the aggregator's credit (a pasted list of numbers).
 */
export default function Articles() {
  const navigate = useNavigate();
  const me = useMe();
  const [cleared, setCleared] = useState<Clearing | undefined>();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [biller, setBiller] = useState(filters.biller);
  const [office, setOffice] = useState(filters.office);
  const [jump, setJump] = useState('');
  const pushBiller = useMemo(() => debounce((value: string) => setFilters({ biller: value.trim().toUpperCase() })), [setFilters]);
  const pushOffice = useMemo(() => debounce((value: string) => setFilters({ office: value.trim().toUpperCase() })), [setFilters]);
  const filter: CodArticleFilter = {
    ...(filters.biller ? { billerCode: filters.biller } : {}),
    ...(filters.status ? { status: filters.status as CodArticleFilter['status'] } : {}),
    ...(filters.office ? { deliveryOfficeCode: filters.office } : {}),
    ...(filters.from ? { deliveredFrom: filters.from } : {}),
    ...(filters.to ? { deliveredTo: filters.to } : {}),
  };
  const list = useKeysetList({
    query: op(CodArticlesDocument),
    variables: { filter },
    select: (data) => ({ rows: data.codArticles.edges.map((edge) => edge.node), endCursor: data.codArticles.pageInfo.endCursor, hasNextPage: data.codArticles.pageInfo.hasNextPage }),
  });
  const jumpProblem = jump.trim() === '' ? undefined : articleNumberProblem(jump);
  return (
    <>
      <PageHeader
        title="COD articles"
        subtitle="Cash-on-delivery articles delivered by the offices you may see, newest first."
        actions={
          <span className="cod-row-actions">
            {can(me, 'cod.article.register') ? <Link to="/cod/articles/new" className="button button-secondary">Register an article</Link> : null}
            {can(me, 'cod.dispute.manage') ? <ClearDigitalDialog onCleared={(clearing) => { setCleared(clearing); list.reload(); }} /> : null}
            <ExportButton
              filename="cod-articles.csv"
              fetchPage={list.fetchPage}
              columns={[
                { header: 'Article', value: (row) => row.articleNumber },
                { header: 'Status', value: (row) => row.status },
                { header: 'Biller', value: (row) => row.billerCode },
                { header: 'COD amount', value: (row) => row.codAmount.amount },
                { header: 'Currency', value: (row) => row.codAmount.currency },
                { header: 'Collected', value: (row) => row.collection?.amount.amount },
                { header: 'Mode', value: (row) => row.collection?.mode },
                { header: 'Payment reference', value: (row) => row.collection?.paymentReference },
                { header: 'Booked on', value: (row) => row.bookedOn },
                { header: 'Booking office', value: (row) => row.bookingOfficeCode },
                { header: 'Delivery office', value: (row) => row.deliveryOfficeCode },
                { header: 'Delivered on', value: (row) => row.deliveredOn },
              ]}
            />
          </span>
        }
      />
      {cleared ? <ClearingDone clearing={cleared} /> : null}
      <form
        className="filters"
        aria-label="Open an article by number"
        onSubmit={(event) => {
          event.preventDefault();
          if (jump.trim() !== '' && !jumpProblem) void navigate(`/cod/articles/${normaliseArticleNumber(jump)}`);
        }}
      >
        <TextField label="Open by article number" description="e.g. EE123456785IN; Enter opens it" value={jump} onChange={setJump} inputClassName="mono" localError={normaliseArticleNumber(jump).length >= 13 ? jumpProblem : undefined} />
      </form>
      <search className="filters" aria-label="Filter articles">
        <TextField label="Biller code" value={biller} onChange={(value) => { setBiller(value); pushBiller(value); }} />
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={ARTICLE_STATUSES.map((value) => ({ value, label: ARTICLE_STATUS_LABELS[value] }))} />
        <TextField label="Delivery office" description="And the offices under it" value={office} onChange={(value) => { setOffice(value); pushOffice(value); }} />
        <DateField label="Delivered from" value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateField label="Delivered to" value={filters.to} onChange={(to) => setFilters({ to })} />
      </search>
      <ProblemList problems={list.problems} />
      <DataTable
        caption="COD articles"
        columns={columns}
        rows={list.rows}
        rowKey={(row) => row.id}
        hasMore={list.hasMore}
        loadingMore={list.loading || list.loadingMore}
        onLoadMore={list.loadMore}
        onOpen={(row) => void navigate(`/cod/articles/${row.articleNumber}`)}
        emptyText={list.loading ? 'Loading…' : 'No articles match these filters.'}
      />
    </>
  );
}
