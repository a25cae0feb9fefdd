import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { readAmount } from '../../format/money';
import { CodRegisterArticleDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField } from '../money-orders/problems';
import { DateField } from '../staff/DateField';
import { localProblem, useCommand } from '../staff/useCommand';
import { articleNumberProblem, normaliseArticleNumber } from './article-number';
import { codProblems } from './problems';
import './cod.css';

const FIELDS = ['articleNumber', 'billerCode', 'codAmount', 'bookingOfficeCode', 'deliveryOfficeCode', 'bookedOn'];

/**
 * One COD article registered by hand (cod.article.register over the delivery office), for the article a biller did
 * not put in a manifest: its S10 number (the check digit checked here as the server checks it), the biller, what is
 * to be collected, and where it was booked and is delivered. Registering the same article again answers the one
 * registered; other facts under its number are refused (ARTICLE_CONFLICT). It opens on the article's page.
 */
export default function RegisterArticle() {
  const me = useMe();
  const navigate = useNavigate();
  const [articleNumber, setArticleNumber] = useState('');
  const [billerCode, setBillerCode] = useState('');
  const [codAmount, setCodAmount] = useState('');
  const [bookingOffice, setBookingOffice] = useState(me.office.code);
  const [deliveryOffice, setDeliveryOffice] = useState(me.office.code);
  const [bookedOn, setBookedOn] = useState('');
  const command = useCommand(op(CodRegisterArticleDocument));
  const problems = codProblems(command.problems);
  if (!can(me, 'cod.article.register')) {
    return (
      <>
        <PageHeader title="Register a COD article" />
        <p>Your roles do not include registering COD articles.</p>
      </>
    );
  }
  const submit = async () => {
    const local = [];
    const numberProblem = articleNumberProblem(articleNumber);
    if (numberProblem) local.push(localProblem('articleNumber', numberProblem));
    if (!/^BL[0-9]{6}$/.test(billerCode.trim().toUpperCase())) local.push(localProblem('billerCode', 'A biller code is BL and six digits, e.g. BL000001.'));
    const amount = readAmount(codAmount);
    if (!amount.ok) local.push(localProblem('codAmount', amount.message));
    if (bookingOffice.trim() === '') local.push(localProblem('bookingOfficeCode', 'Choose the booking office.'));
    if (deliveryOffice.trim() === '') local.push(localProblem('deliveryOfficeCode', 'Choose the delivery office.'));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({
      input: {
        articleNumber: normaliseArticleNumber(articleNumber),
        billerCode: billerCode.trim().toUpperCase(),
        codAmount: codAmount.trim(),
        bookingOfficeCode: bookingOffice.trim(),
        deliveryOfficeCode: deliveryOffice.trim(),
        ...(bookedOn ? { bookedOn } : {}),
      },
    });
    if (data) void navigate(`/cod/articles/${data.registerCodArticle.articleNumber}`);
  };
  const field = (name: string) => onField(problems, name);
  return (
    <>
      <PageHeader title="Register a COD article" subtitle="One article by hand; a biller’s many come in a manifest." />
      <form className="cod-form" aria-label="Register a COD article" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
        <fieldset>
          <legend>Article</legend>
          <TextField label="Article number" description="e.g. EE123456785IN" value={articleNumber} onChange={(value) => { setArticleNumber(value); command.clearField('articleNumber'); }} inputClassName="mono" isRequired problems={field('articleNumber')} localError={normaliseArticleNumber(articleNumber).length >= 13 && !field('articleNumber').length ? articleNumberProblem(articleNumber) : undefined} />
          <TextField label="Biller code" description="BL and six digits" value={billerCode} onChange={(value) => { setBillerCode(value); command.clearField('billerCode'); }} inputClassName="mono" isRequired problems={field('billerCode')} />
          <TextField label="COD amount" description="What the postman collects at the door" value={codAmount} onChange={(value) => { setCodAmount(value); command.clearField('codAmount'); }} inputMode="decimal" isRequired problems={field('codAmount')} />
        </fieldset>
        <fieldset>
          <legend>Where</legend>
          <OfficeField label="Booking office" value={bookingOffice} onChange={(value) => { setBookingOffice(value); command.clearField('bookingOfficeCode'); }} problems={field('bookingOfficeCode')} />
          <OfficeField label="Delivery office" description="A head, sub or branch post office" value={deliveryOffice} onChange={(value) => { setDeliveryOffice(value); command.clearField('deliveryOfficeCode'); }} problems={field('deliveryOfficeCode')} />
          <DateField label="Booked on" description="Empty: today" value={bookedOn} onChange={setBookedOn} problems={field('bookedOn')} />
        </fieldset>
        <ProblemList problems={notOnFields(problems, FIELDS)} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Registering…' : 'Register the article'}</Button>
          <Link to="/cod/articles" className="button button-quiet">Cancel</Link>
        </div>
      </form>
    </>
  );
}
