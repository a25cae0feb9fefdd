import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { op } from '../../api/operation';
import { ReconRegisterBankAccountDocument, type BankAccountPurpose, type RegisterBankAccountInput } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { OfficeField } from '../journal/OfficeField';
import { notOnFields, onField } from '../money-orders/problems';
import { localProblem, useCommand } from '../staff/useCommand';
import { PURPOSE_LABELS, PURPOSES } from './labels';
import { placedRecon } from './problems';
import '../cod/cod.css';

const FIELDS = ['name', 'accountNumber', 'bic', 'ifsc', 'currency', 'purpose', 'ledgerAccountCode', 'officeCode'];

/**
 * A new bank account of the operator's (recon.bank.manage over its office): every field of RegisterBankAccountInput.
 * The server checks an IBAN's check digits, the IFSC and BIC, and the ledger account (a detail asset account under
 * 1500 in the same currency); left out, it opens one at the office.
 */
export default function RegisterBankAccount() {
  const me = useMe();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ name: '', accountNumber: '', bic: '', ifsc: '', currency: 'INR', purpose: 'COLLECTION' as BankAccountPurpose, ledgerAccountCode: '', officeCode: me.office.code });
  const command = useCommand(op(ReconRegisterBankAccountDocument));
  const problems = placedRecon(command.problems);
  if (!can(me, 'recon.bank.manage')) {
    return (
      <>
        <PageHeader title="Register bank account" />
        <p>Your roles do not include managing the operator's bank accounts.</p>
      </>
    );
  }
  const set = (field: keyof typeof draft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    command.clearField(field);
  };
  const submit = async () => {
    const local = [];
    if (draft.name.trim() === '') local.push(localProblem('name', 'Give the account a name, as finance officers call it.'));
    if (draft.accountNumber.trim() === '') local.push(localProblem('accountNumber', 'Give the IBAN or the bank’s account number.'));
    if (!/^[A-Za-z]{3}$/.test(draft.currency.trim())) local.push(localProblem('currency', 'Give the ISO 4217 currency code, e.g. INR or EUR.'));
    if (draft.ledgerAccountCode.trim() === '' && draft.officeCode.trim() === '') local.push(localProblem('officeCode', 'Choose the office that keeps the account (or name its ledger account).'));
    if (local.length > 0) return command.setProblems(local);
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const input: RegisterBankAccountInput = {
      name: draft.name.trim(),
      accountNumber: draft.accountNumber.trim(),
      currency: draft.currency.trim().toUpperCase(),
      purpose: draft.purpose,
    };
    const bic = optional(draft.bic);
    const ifsc = optional(draft.ifsc);
    const ledgerAccountCode = optional(draft.ledgerAccountCode);
    const officeCode = optional(draft.officeCode);
    if (bic) input.bic = bic.toUpperCase();
    if (ifsc) input.ifsc = ifsc.toUpperCase();
    if (ledgerAccountCode) input.ledgerAccountCode = ledgerAccountCode;
    if (officeCode) input.officeCode = officeCode;
    const data = await command.run({ input });
    if (data) void navigate(`/recon/accounts/${data.registerBankAccount.id}`);
  };
  const field = (path: string) => onField(problems, path);
  return (
    <>
      <PageHeader title="Register bank account" subtitle="One of the operator's own accounts, whose statements are imported and reconciled against the ledger." />
      <form className="cod-form" aria-label="Register bank account" onSubmit={(event) => { event.preventDefault(); void submit(); }} noValidate>
        <fieldset>
          <legend>Account</legend>
          <TextField label="Name" description="1 to 100 characters, e.g. SBI Parliament Street collection" value={draft.name} onChange={set('name')} isRequired problems={field('name')} />
          <TextField label="Account number or IBAN" description="An IBAN (spaces allowed) or the bank’s own number, 6 to 34 letters and digits" value={draft.accountNumber} onChange={set('accountNumber')} inputClassName="mono" isRequired problems={field('accountNumber')} />
          <TextField label="IFSC" description="An Indian branch: 4 letters, 0, 6 letters or digits" value={draft.ifsc} onChange={set('ifsc')} inputClassName="mono" problems={field('ifsc')} />
          <TextField label="BIC" description="8 or 11 characters" value={draft.bic} onChange={set('bic')} inputClassName="mono" problems={field('bic')} />
          <TextField label="Currency" description="ISO 4217, e.g. INR, EUR" value={draft.currency} onChange={set('currency')} inputClassName="mono" isRequired problems={field('currency')} />
          <SelectField label="Purpose" value={draft.purpose} anyLabel={null} onChange={set('purpose')} options={PURPOSES.map((value) => ({ value, label: PURPOSE_LABELS[value] }))} error={field('purpose').map((problem) => problem.message).join(' ') || undefined} />
        </fieldset>
        <fieldset>
          <legend>Ledger</legend>
          <OfficeField label="Office" description="The office that keeps the account; with a ledger account, that account's office" value={draft.officeCode} onChange={set('officeCode')} problems={field('officeCode')} />
          <TextField label="Ledger account" description="An existing detail asset account under 1500 in the same currency; leave empty to open one at the office" value={draft.ledgerAccountCode} onChange={set('ledgerAccountCode')} inputClassName="mono" problems={field('ledgerAccountCode')} />
        </fieldset>
        <ProblemList problems={notOnFields(problems, FIELDS)} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={command.busy}>{command.busy ? 'Registering…' : 'Register the bank account'}</Button>
          <Link to="/recon/accounts" className="button button-quiet">Cancel</Link>
        </div>
      </form>
    </>
  );
}
