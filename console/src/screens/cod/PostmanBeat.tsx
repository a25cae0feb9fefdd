import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { formatDate, operatorToday } from '../../format/dates';
import { CodMarkOutForDeliveryDocument, CodPostmanDaySheetDocument, type CodPostmanDaySheetQuery } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { DateField } from '../staff/DateField';
import { localProblem, useCommand } from '../staff/useCommand';
import { ReasonDialog, RecordDeliveryDialog } from './ArticleActions';
import { articleNumberProblem, groupArticleNumber, normaliseArticleNumber } from './article-number';
import { COLLECTION_MODE_LABELS } from './labels';
import './cod.css';

type Sheet = CodPostmanDaySheetQuery['postmanDaySheet'];

/**
 * The postman's day (postmanDaySheet): what they took out, delivered and could not deliver on a date, with the cash
 * and digital collections and the cash they owe the office. Articles are taken out by number (scanned or typed);
 * each one out is delivered with its collection or recorded as failed, and a failed one may go out again or back.
 */
export default function PostmanBeat() {
  const me = useMe();
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [postmanId, setPostmanId] = useState(me.employeeId);
  const [date, setDate] = useState(operatorToday());
  const office = officeCode.trim();
  const postman = postmanId.trim();
  const ready = office !== '' && postman !== '' && date !== '';
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(CodPostmanDaySheetDocument), variables: { officeCode: office, postmanId: postman, date }, pause: !ready, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const sheet = data?.postmanDaySheet;
  return (
    <>
      <PageHeader title="COD beat" subtitle="Articles out for delivery, delivered and failed, and the cash collected, for one postman on one day." actions={can(me, 'cod.deposit') ? <Link to="/cod/deposit" className="button button-secondary">Deposit the cash</Link> : null} />
      <search className="filters" aria-label="Choose the postman and day">
        <OfficeField value={officeCode} onChange={setOfficeCode} />
        <TextField label="Postman" description="Employee number" value={postmanId} onChange={setPostmanId} />
        <DateField label="Day" value={date} onChange={setDate} max={operatorToday()} />
      </search>
      {can(me, 'cod.collect') && date === operatorToday() ? <OutForDeliveryForm officeCode={office} postmanId={postman} onDone={reload} /> : null}
      <ProblemList problems={problemsOf(error)} />
      {fetching && !sheet ? <Loading what="Reading the beat" /> : null}
      {sheet ? <SheetView sheet={sheet} onChange={reload} canAct={can(me, 'cod.collect')} /> : null}
    </>
  );
}

function OutForDeliveryForm({ officeCode, postmanId, onDone }: { officeCode: string; postmanId: string; onDone: () => void }) {
  const [articleNumber, setArticleNumber] = useState('');
  const [beat, setBeat] = useState('');
  const [last, setLast] = useState<string | undefined>();
  const command = useCommand(op(CodMarkOutForDeliveryDocument));
  const problems = placed(command.problems);
  const submit = async () => {
    const local = [];
    const numberProblem = articleNumberProblem(articleNumber);
    if (numberProblem) local.push(localProblem('articleNumber', numberProblem));
    if (beat.trim() === '') local.push(localProblem('beat', 'Name the beat.'));
    if (postmanId === '') local.push(localProblem('postmanId', 'Choose the postman above.'));
    if (local.length > 0) return command.setProblems(local);
    const number = normaliseArticleNumber(articleNumber);
    const data = await command.run({ articleNumber: number, input: { postmanId, beat: beat.trim() } });
    if (data) {
      setLast(number);
      setArticleNumber('');
      onDone();
    }
  };
  return (
    <form className="cod-form" aria-label="Take an article out for delivery" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
      <fieldset>
        <legend>Take out for delivery</legend>
        <TextField label="Article number" description="As on the label, e.g. EE 123 456 785 IN" value={articleNumber} onChange={(value) => { setArticleNumber(value); command.clearField('articleNumber'); }} inputClassName="mono" problems={onField(problems, 'articleNumber')} />
        <TextField label="Beat" value={beat} onChange={(value) => { setBeat(value); command.clearField('beat'); }} problems={onField(problems, 'beat')} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Saving…' : 'Out for delivery'}</Button>
        </div>
      </fieldset>
      <ProblemList problems={notOnFields(problems, ['articleNumber', 'beat'])} />
      {last ? <p role="status">{groupArticleNumber(last)} is out for delivery.</p> : null}
      {officeCode === '' ? <p role="note">Choose the office above.</p> : null}
    </form>
  );
}

function SheetView({ sheet, onChange, canAct }: { sheet: Sheet; onChange: () => void; canAct: boolean }) {
  return (
    <>
      <dl className="detail-grid" aria-label="Collections">
        <dt>Cash collected</dt>
        <dd><Money value={sheet.cashCollected} /></dd>
        <dt>UPI and card collected</dt>
        <dd><Money value={sheet.digitalCollected} /></dd>
        <dt>Cash to deposit</dt>
        <dd><Money value={sheet.cashExpected} /></dd>
      </dl>
      <section aria-labelledby="cod-out-heading">
        <h2 id="cod-out-heading">Out for delivery ({sheet.outForDelivery.length})</h2>
        <ArticleTable caption={`Out for delivery on ${formatDate(sheet.date)}`} articles={sheet.outForDelivery} actions={canAct ? (article) => (
          <>
            <RecordDeliveryDialog article={article} onDone={onChange} />
            <ReasonDialog article={article} kind="FAILED" onDone={onChange} />
          </>
        ) : undefined} />
      </section>
      <section aria-labelledby="cod-delivered-heading">
        <h2 id="cod-delivered-heading">Delivered ({sheet.delivered.length})</h2>
        <table className="diff" aria-label={`Delivered on ${formatDate(sheet.date)}`}>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col" className="numeric">COD amount</th>
              <th scope="col" className="numeric">Collected</th>
              <th scope="col">Paid by</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {sheet.delivered.map((article) => (
              <tr key={article.articleNumber}>
                <td><Link to={`/cod/articles/${article.articleNumber}`} className="mono">{groupArticleNumber(article.articleNumber)}</Link></td>
                <td className="numeric"><Money value={article.codAmount} /></td>
                <td className="numeric"><Money value={article.collection?.amount} />{article.collection?.differs ? <span className="cod-flag"> differs</span> : null}</td>
                <td>{article.collection ? COLLECTION_MODE_LABELS[article.collection.mode] : ''}</td>
                <td className="mono">{article.collection?.paymentReference ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="cod-failed-heading">
        <h2 id="cod-failed-heading">Not delivered ({sheet.failed.length})</h2>
        <ArticleTable caption={`Not delivered on ${formatDate(sheet.date)}`} articles={sheet.failed} actions={canAct ? (article) => <ReasonDialog article={article} kind="RTO" onDone={onChange} /> : undefined} />
      </section>
    </>
  );
}

type SheetArticle = Sheet['outForDelivery'][number];

function ArticleTable({ caption, articles, actions }: { caption: string; articles: SheetArticle[]; actions?: ((article: SheetArticle) => React.ReactNode) | undefined }) {
  if (articles.length === 0) return <p>None.</p>;
  return (
    <table className="diff" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Biller</th>
          <th scope="col" className="numeric">COD amount</th>
          {actions ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.articleNumber}>
            <td><Link to={`/cod/articles/${article.articleNumber}`} className="mono">{groupArticleNumber(article.articleNumber)}</Link></td>
            <td>{article.billerCode}</td>
            <td className="numeric"><Money value={article.codAmount} /></td>
            {actions ? <td className="cod-row-actions">{actions(article)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
