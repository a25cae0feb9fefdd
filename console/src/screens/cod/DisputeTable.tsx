import { Link } from 'react-router';
import { op } from '../../api/operation';
import { formatDate, formatDateTime } from '../../format/dates';
import { CodDisputesDocument, type CodDisputeFieldsFragment, type CodDisputeFilter, type CodDisputesQuery } from '../../gql/graphql';
import { useKeysetList, type KeysetList } from '../../lists/useKeysetList';
import { Money } from '../../ui/Money';
import { groupArticleNumber } from './article-number';
import { LoadMore } from './LoadMore';
import { KIND_LABELS, ResolveDisputeDialog } from './Disputes';

export type DisputeRow = CodDisputesQuery['codDisputes']['edges'][number]['node'];

/** Short status words for a table cell (the dispute's own page says what each means). */
const STATUS_WORDS: Record<string, string> = { OPEN: 'Open (held)', UPHELD: 'Upheld', REJECTED: 'Rejected' };

/** codDisputes, a keyset page at a time ("Load more"), newest raised first. */
export function useDisputeList(filter: CodDisputeFilter, pause = false): KeysetList<DisputeRow> {
  return useKeysetList({
    query: op(CodDisputesDocument),
    variables: { filter },
    pageSize: 50,
    pause,
    select: (data) => ({ rows: data.codDisputes.edges.map((edge) => edge.node), endCursor: data.codDisputes.pageInfo.endCursor, hasNextPage: data.codDisputes.pageInfo.hasNextPage }),
  });
}

/**
 * Disputes in a table: the article (a link to its page for office staff), the biller, what is claimed, where it
 * stands, and for holders of cod.dispute.manage the resolution of an open one from its row.
 */
export function DisputeTable({ caption, list, linkArticles, canResolve, onResolved }: {
  caption: string;
  list: KeysetList<DisputeRow>;
  linkArticles: boolean;
  canResolve: boolean;
  onResolved?: (dispute: CodDisputeFieldsFragment) => void;
}) {
  if (list.loading && list.rows.length === 0) return <p>Loading…</p>;
  if (list.rows.length === 0) return <p>No disputes match.</p>;
  return (
    <>
      <table className="diff" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Raised</th>
            <th scope="col">Article</th>
            <th scope="col">Biller</th>
            <th scope="col">What is wrong</th>
            <th scope="col" className="numeric">Claimed</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">Adjustment</th>
            <th scope="col">Notes</th>
            {canResolve ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((dispute) => (
            <tr key={dispute.id}>
              <td>{formatDate(dispute.raisedOn)}<div className="cod-when">{formatDateTime(dispute.raisedAt)}</div></td>
              <td>{linkArticles ? <Link to={`/cod/articles/${dispute.articleNumber}`} className="mono">{groupArticleNumber(dispute.articleNumber)}</Link> : <span className="mono">{groupArticleNumber(dispute.articleNumber)}</span>}</td>
              <td>{dispute.billerCode}</td>
              <td>{KIND_LABELS[dispute.kind]}</td>
              <td className="numeric">{dispute.claimedAmount ? <Money value={dispute.claimedAmount} /> : ''}</td>
              <td>{STATUS_WORDS[dispute.status] ?? dispute.status}{dispute.resolvedOn ? <div className="cod-when">on {formatDate(dispute.resolvedOn)}</div> : null}</td>
              <td className="numeric">{dispute.adjustmentAmount ? <Money value={dispute.adjustmentAmount} /> : ''}</td>
              <td>{dispute.note}{dispute.resolutionNote ? <div className="cod-when">Resolution: {dispute.resolutionNote}</div> : null}</td>
              {canResolve ? <td>{dispute.status === 'OPEN' ? <ResolveDisputeDialog dispute={dispute} label="Resolve" onResolved={(resolved) => { list.reload(); onResolved?.(resolved); }} /> : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} what="disputes" />
    </>
  );
}
