import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { CodRegisterBillerDocument, type BillerType } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField, placed } from '../money-orders/problems';
import { localProblem, useCommand } from '../staff/useCommand';
import { ContractTermsFields } from './ContractTermsFields';
import { DEFAULT_TERMS, termsInput } from './contract-terms';
import { BILLER_TYPE_LABELS, BILLER_TYPES } from './labels';
import './cod.css';

const FIELDS = ['name', 'type', 'gstin', 'contact.name', 'contact.email', 'contact.phone', 'settlementOfficeCode', 'bankAccount.holderName', 'bankAccount.accountNumber', 'bankAccount.ifsc', 'contract'];

/**
 * A new biller (cod.biller.manage over its settlement office): who it is, where its remittance is paid from, its
 * payout account, and contract version 1 (every term has the server's default). The server validates the GSTIN's
 * check character, the IFSC and the account number, and answers with the biller's code.
 */
export default function RegisterBiller() {
  const me = useMe();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [type, setType] = useState<BillerType>('ECOMMERCE');
  const [gstin, setGstin] = useState('');
  const [contact, setContact] = useState({ name: '', email: '', phone: '' });
  const [officeCode, setOfficeCode] = useState(me.office.code);
  const [bank, setBank] = useState({ holderName: '', accountNumber: '', ifsc: '' });
  const [terms, setTerms] = useState(DEFAULT_TERMS);
  const command = useCommand(op(CodRegisterBillerDocument));
  const problems = placed(command.problems);
  if (!can(me, 'cod.biller.manage')) {
    return (
      <>
        <PageHeader title="Register a biller" />
        <p>Your roles do not include managing billers.</p>
      </>
    );
  }

  const submit = async () => {
    const local = [];
    if (name.trim() === '') local.push(localProblem('name', 'Give the biller’s name.'));
    if (officeCode.trim() === '') local.push(localProblem('settlementOfficeCode', 'Choose the settlement office.'));
    const { input: contract, problems: termProblems } = termsInput(terms);
    local.push(...termProblems.map((problem) => localProblem(problem.field, problem.message)));
    if (local.length > 0) return command.setProblems(local);
    const data = await command.run({
      input: {
        name: name.trim(),
        type,
        ...(gstin.trim() !== '' ? { gstin: gstin.trim().toUpperCase() } : {}),
        contact: { name: contact.name.trim(), email: contact.email.trim(), phone: contact.phone.trim() },
        settlementOfficeCode: officeCode.trim(),
        bankAccount: { holderName: bank.holderName.trim(), accountNumber: bank.accountNumber.trim(), ifsc: bank.ifsc.trim().toUpperCase() },
        contract,
      },
    });
    if (data) void navigate(`/cod/billers/${data.registerBiller.id}`);
  };
  const field = (path: string) => onField(problems, path);
  return (
    <>
      <PageHeader title="Register a biller" subtitle="A contracted COD seller, its payout account and its first contract." />
      <form className="cod-form" aria-label="Register a biller" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
        <fieldset>
          <legend>Biller</legend>
          <TextField label="Name" value={name} onChange={setName} isRequired problems={field('name')} />
          <SelectField label="Type" value={type} anyLabel={null} onChange={(value) => setType(value as BillerType)} options={BILLER_TYPES.map((value) => ({ value, label: BILLER_TYPE_LABELS[value] }))} />
          <TextField label="GSTIN" description="15 characters; leave empty for a seller without one" value={gstin} onChange={setGstin} inputClassName="mono" problems={field('gstin')} />
          <OfficeField label="Settlement office" description="The head office whose bank pays the biller" value={officeCode} onChange={setOfficeCode} problems={field('settlementOfficeCode')} />
        </fieldset>
        <fieldset>
          <legend>Contact</legend>
          <TextField label="Contact name" value={contact.name} onChange={(value) => setContact({ ...contact, name: value })} isRequired problems={field('contact.name')} />
          <TextField label="E-mail" type="email" value={contact.email} onChange={(value) => setContact({ ...contact, email: value })} isRequired problems={field('contact.email')} />
          <TextField label="Phone" type="tel" description="e.g. +919812345678" value={contact.phone} onChange={(value) => setContact({ ...contact, phone: value })} isRequired problems={field('contact.phone')} />
        </fieldset>
        <BankAccountFields value={bank} onChange={setBank} problems={problems} />
        <ContractTermsFields draft={terms} onChange={setTerms} problems={problems} />
        <ProblemList problems={notOnFields(problems, [...FIELDS, 'settlementCycleDays', 'payoutWeekdays', 'maxArticleAmount', 'disputeWindowDays', 'bankDetailsHoldDays', 'earlySettlement'])} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Registering…' : 'Register the biller'}</Button>
          <Link to="/cod/billers" className="button button-quiet">Cancel</Link>
        </div>
      </form>
    </>
  );
}

export interface BankAccountDraft {
  holderName: string;
  accountNumber: string;
  ifsc: string;
}

/** The payout account: the holder as the bank knows them, the account number and the branch's IFSC. */
export function BankAccountFields({ value, onChange, problems, legend = 'Payout bank account' }: { value: BankAccountDraft; onChange: (value: BankAccountDraft) => void; problems: ReturnType<typeof placed>; legend?: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <TextField label="Account holder" value={value.holderName} onChange={(holderName) => onChange({ ...value, holderName })} isRequired problems={onField(problems, 'bankAccount.holderName', 'holderName')} />
      <TextField label="Account number" description="9 to 18 digits" value={value.accountNumber} onChange={(accountNumber) => onChange({ ...value, accountNumber })} inputMode="numeric" inputClassName="mono" isRequired problems={onField(problems, 'bankAccount.accountNumber', 'accountNumber')} />
      <TextField label="IFSC" description="e.g. SBIN0000691" value={value.ifsc} onChange={(ifsc) => onChange({ ...value, ifsc })} inputClassName="mono" isRequired problems={onField(problems, 'bankAccount.ifsc', 'ifsc')} />
    </fieldset>
  );
}
