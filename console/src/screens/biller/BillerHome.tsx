import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate } from '../../format/dates';
import { BillerHomeDocument, CodArticlesDocument, type CodArticlesQuery, type CodDisputeFieldsFragment } from '../../gql/graphql';
import { ExportButton } from '../../lists/ExportButton';
import { useKeysetList } from '../../lists/useKeysetList';
import { useMe } from '../../session/me';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { groupArticleNumber } from '../cod/article-number';
import { articleStatusLabel, COLLECTION_MODE_LABELS, weekdaysLabel } from '../cod/labels';
import { DisputeView, RaiseDisputeDialog } from '../cod/Disputes';
import { BillerRemittances } from './BillerRemittances';
import '../cod/cod.css';

type Row = CodArticlesQuery['codArticles']['edges'][number]['node'];

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('articleNumber', { header: 'Article', cell: (info) => <span className="mono">{groupArticleNumber(info.getValue())}</span> }),
  column.accessor('status', { header: 'Status', cell: (info) => articleStatusLabel(info.getValue()) }),
  column.accessor('codAmount', { header: 'COD amount', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} /> }),
  column.accessor((row) => row.collection?.amount ?? null, { id: 'collected', header: 'Collected', meta: { numeric: true }, cell: (info) => <Money value={info.getValue()} /> }),
  column.accessor((row) => (row.collection ? COLLECTION_MODE_LABELS[row.collection.mode] : ''), { id: 'mode', header: 'Paid by' }),
  column.accessor('bookedOn', { header: 'Booked', cell: (info) => formatDate(info.getValue()) }),
  column.accessor('deliveredOn', { header: 'Delivered', cell: (info) => formatDate(info.getValue()) }),
];

/**
 * The seller's own view (cod.biller.self): its account with the post office (contract, payout account masked) and its
 * articles with what was collected for each, exportable as CSV. Nothing of another biller or of an office is asked.
 */
export default function BillerHome() {
  const me = useMe();
  const code = me.billerCode ?? '';
  const [{ data, error, fetching }] = useQuery({ query: op(BillerHomeDocument), variables: { code }, pause: code === '' });
  const biller = data?.billerByCode;
  const [dispute, setDispute] = useState<CodDisputeFieldsFragment | undefined>();
  const list = useKeysetList({
    query: op(CodArticlesDocument),
    variables: { filter: { billerCode: code } },
    pause: code === '',
    select: (answer) => ({ rows: answer.codArticles.edges.map((edge) => edge.node), endCursor: answer.codArticles.pageInfo.endCursor, hasNextPage: answer.codArticles.pageInfo.hasNextPage }),
  });
  if (code === '') {
    return (
      <>
        <PageHeader title="COD account" />
        <p>This page is for a biller’s own people: your account is not bound to a biller.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="COD account" subtitle={biller ? `${biller.name} (${biller.code})` : `Biller ${code}`} />
      <p>
        You act for biller <strong className="mono">{code}</strong>: its cash-on-delivery articles and what was collected for them. You see no other
        biller’s.
      </p>
      <ProblemList problems={problemsOf(error)} />
      {fetching && !biller ? <Loading what="Reading your account" /> : null}
      {biller ? (
        <dl className="detail-grid">
          <dt>Payout account</dt>
          <dd>{biller.bankAccount ? <><span className="mono">{biller.bankAccount.accountNumber}</span> ({biller.bankAccount.holderName}, {biller.bankAccount.ifsc})</> : 'none'}{biller.pendingBankChange ? '; a change is waiting for approval' : ''}</dd>
          {biller.contract ? (
            <>
              <dt>Settlement</dt>
              <dd>T+{biller.contract.settlementCycleDays} business days, paid {weekdaysLabel(biller.contract.payoutWeekdays)}{biller.contract.earlySettlement ? `; early T+${biller.contract.earlySettlement.days} for ${biller.contract.earlySettlement.feePercent}%` : ''}</dd>
              <dt>Maximum per article</dt>
              <dd><Money value={biller.contract.maxArticleAmount} /></dd>
              <dt>Dispute window</dt>
              <dd>{biller.contract.disputeWindowDays} days after delivery</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {biller ? <BillerRemittances billerId={biller.id} code={biller.code} /> : null}
      {dispute ? <DisputeView dispute={dispute} canResolve={false} onChange={setDispute} /> : null}
      <section aria-labelledby="biller-articles-heading">
        <h2 id="biller-articles-heading">Your articles</h2>
        <RaiseDisputeDialog onRaised={setDispute} />
        <ExportButton
          filename={`${code}-articles.csv`}
          fetchPage={list.fetchPage}
          columns={[
            { header: 'Article', value: (row) => row.articleNumber },
            { header: 'Status', value: (row) => row.status },
            { header: 'COD amount', value: (row) => row.codAmount.amount },
            { header: 'Currency', value: (row) => row.codAmount.currency },
            { header: 'Collected', value: (row) => row.collection?.amount.amount },
            { header: 'Mode', value: (row) => row.collection?.mode },
            { header: 'Booked on', value: (row) => row.bookedOn },
            { header: 'Delivered on', value: (row) => row.deliveredOn },
          ]}
        />
        <ProblemList problems={list.problems} />
        <DataTable caption="Your COD articles" columns={columns} rows={list.rows} rowKey={(row) => row.id} hasMore={list.hasMore} loadingMore={list.loading || list.loadingMore} onLoadMore={list.loadMore} emptyText={list.loading ? 'Loading…' : 'No articles yet.'} />
      </section>
    </>
  );
}
