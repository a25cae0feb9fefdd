import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, formatDateTime } from '../../format/dates';
import { CodArticleDocument, type CodArticleQuery, type CodDisputeFieldsFragment } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { LossDialog, ReasonDialog, RecordDeliveryDialog } from './ArticleActions';
import { ClearDigitalDialog, ClearingDone, type Clearing } from './ClearDigital';
import { DisputeView, RaiseDisputeDialog } from './Disputes';
import { groupArticleNumber } from './article-number';
import { articleActions, articleStatusLabel, COLLECTION_MODE_LABELS } from './labels';
import './cod.css';

type Article = NonNullable<CodArticleQuery['codArticle']>;

/** One article: what is due, where it is, every step with who, where and when, and what was collected. */
export default function ArticleDetail() {
  const { articleNumber = '' } = useParams();
  const me = useMe();
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(CodArticleDocument), variables: { articleNumber } });
  // The one raised (or resolved) here is shown until the page is left; every dispute is in COD disputes.
  const [dispute, setDispute] = useState<CodDisputeFieldsFragment | undefined>();
  const [cleared, setCleared] = useState<Clearing | undefined>();
  const article = data?.codArticle;
  if (!article) {
    return (
      <>
        <PageHeader title="COD article" subtitle={<span className="mono">{articleNumber}</span>} />
        {fetching ? <Loading what="Reading the article" /> : error ? <ProblemList problems={problemsOf(error)} /> : <p role="alert">No article {articleNumber} in your scope.</p>}
      </>
    );
  }
  const actions = articleActions(article.status);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const collect = can(me, 'cod.collect');
  const manage = can(me, 'cod.dispute.manage');
  // A UPI or card collection waits for the aggregator's credit; once seen, a finance officer clears it here.
  const clearable = manage && article.collection !== null && article.collection.mode !== 'CASH' && !article.collection.clearedOn;
  return (
    <>
      <PageHeader
        title={`COD article ${groupArticleNumber(article.articleNumber)}`}
        subtitle={articleStatusLabel(article.status)}
        actions={collect ? (
          <span className="cod-row-actions">
            {actions.deliver ? <RecordDeliveryDialog article={article} onDone={reload} /> : null}
            {actions.fail ? <ReasonDialog article={article} kind="FAILED" onDone={reload} /> : null}
            {actions.rto ? <ReasonDialog article={article} kind="RTO" onDone={reload} /> : null}
            {actions.loss ? <LossDialog article={article} onDone={reload} /> : null}
          </span>
        ) : manage && article.status === 'DELIVERED' ? (
          <span className="cod-row-actions">
            {clearable ? <ClearDigitalDialog articleNumber={article.articleNumber} onCleared={(clearing) => { setCleared(clearing); reload(); }} /> : null}
            {!dispute ? <RaiseDisputeDialog articleNumber={article.articleNumber} onRaised={setDispute} /> : null}
          </span>
        ) : null}
      />
      <ProblemList problems={problemsOf(error)} />
      {cleared ? <ClearingDone clearing={cleared} /> : null}
      <dl className="detail-grid">
        <dt>Biller</dt>
        <dd>{article.billerCode}</dd>
        <dt>COD amount</dt>
        <dd><Money value={article.codAmount} /></dd>
        <dt>Booked</dt>
        <dd>{formatDate(article.bookedOn)} at {article.bookingOfficeCode}</dd>
        <dt>Delivery office</dt>
        <dd>{article.deliveryOfficeCode}</dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(article.registeredAt)} by {article.registeredBy}{article.manifestId ? ' (from a manifest)' : ''}</dd>
      </dl>
      {article.collection ? <CollectionView collection={article.collection} /> : null}
      {dispute ? <DisputeView dispute={dispute} canResolve={can(me, 'cod.dispute.manage')} onChange={setDispute} /> : null}
      <section aria-labelledby="cod-timeline-heading">
        <h2 id="cod-timeline-heading">Timeline</h2>
        <ol className="cod-timeline">
          {article.timeline.map((event, index) => (
            <li key={index}>
              <strong>{articleStatusLabel(event.toStatus)}</strong> at {event.officeCode} on {formatDate(event.businessDate)}
              {event.postmanId ? `, postman ${event.postmanId}` : ''}
              {event.beat ? `, beat ${event.beat}` : ''}
              {event.reason ? `: ${event.reason}` : ''}
              {event.claimReference ? ` (claim ${event.claimReference})` : ''}
              <div className="cod-when">{formatDateTime(event.occurredAt)} by {event.actor}</div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function CollectionView({ collection }: { collection: NonNullable<Article['collection']> }) {
  return (
    <section aria-labelledby="cod-collection-heading">
      <h2 id="cod-collection-heading">Collection</h2>
      <dl className="detail-grid">
        <dt>Collected</dt>
        <dd><Money value={collection.amount} />{collection.differs ? <span className="cod-flag"> differs from the COD amount (an exception is raised)</span> : null}</dd>
        <dt>Paid by</dt>
        <dd>{COLLECTION_MODE_LABELS[collection.mode]}{collection.paymentReference ? <span className="mono"> {collection.paymentReference}</span> : null}</dd>
        <dt>Proof of delivery</dt>
        <dd className="mono">{collection.podReference}</dd>
        <dt>By</dt>
        <dd>Postman {collection.postmanId}{collection.beat ? `, beat ${collection.beat}` : ''}, {collection.officeCode}, {formatDate(collection.businessDate)}</dd>
        <dt>Deposited or cleared</dt>
        <dd>{collection.depositId ? 'Cash deposited at the office' : collection.clearedOn ? `Cleared on ${formatDate(collection.clearedOn)} (${collection.clearedReference ?? ''})` : 'Not yet'}</dd>
        <dt>Due for settlement from</dt>
        <dd>{collection.dueFrom ? formatDate(collection.dueFrom) : 'Not yet due'}</dd>
      </dl>
    </section>
  );
}
