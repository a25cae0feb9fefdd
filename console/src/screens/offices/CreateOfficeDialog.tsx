import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OfficeCreateDocument, type CreateOfficeInput, type DeliveryShiftsInput, type OfficeType } from '../../gql/graphql';
import { problemsFor } from '../../api/problems';
import { operatorToday } from '../../format/dates';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { AddressFields, ShiftsFields } from './OfficeFields';
import { addressGaps, addressInputOf, addressLocal, DEFAULT_SHIFTS, EMPTY_ADDRESS, type AddressDraft } from './office-drafts';
import { CODE_RULE, needsAccountOffice, needsPin, OFFICE_TYPES, pinProblem, readOfficeCode, typeName, typesUnder } from './office-types';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

const CLAIMED = ['code', 'name', 'type', 'parentCode', 'accountOfficeCode', 'pin', 'address', 'deliveryShifts', 'phone', 'email', 'openedOn'];

/** The parent is fixed when the dialog is opened from an office; from the tree page the person names it. */
export interface CreateUnder {
  code: string;
  name: string;
  type: OfficeType;
}

/** "New office": under a parent, with its type, name, PIN, account office, address, contact and delivery shifts. */
export function CreateOfficeDialog({ parent, defaultParentCode = '' }: { parent?: CreateUnder; defaultParentCode?: string }) {
  return (
    <ActionDialog label={parent ? 'New office under this one' : 'New office'} title={parent ? `New office under ${parent.name}` : 'New office'} variant="primary">
      {(close) => <CreateOfficeForm parent={parent} defaultParentCode={defaultParentCode} close={close} />}
    </ActionDialog>
  );
}

function CreateOfficeForm({ parent, defaultParentCode, close }: { parent: CreateUnder | undefined; defaultParentCode: string; close: () => void }) {
  const navigate = useNavigate();
  const types = parent ? typesUnder(parent.type) : OFFICE_TYPES.filter((type) => type !== 'CIRCLE');
  const [parentCode, setParentCode] = useState(parent?.code ?? defaultParentCode);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<OfficeType>(types[0] ?? 'BRANCH_OFFICE');
  const [pin, setPin] = useState('');
  const [accountOfficeCode, setAccountOfficeCode] = useState('');
  const [openedOn, setOpenedOn] = useState(operatorToday());
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [shifts, setShifts] = useState<DeliveryShiftsInput>(DEFAULT_SHIFTS);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  // A type that cannot stand under the parent is about the type; an account office of the wrong kind, about that field.
  const action = useOfficeAction(OfficeCreateDocument, { INVALID_OFFICE_TYPE_ORDER: 'type', OFFICE_CODE_TAKEN: 'code' });

  const submit = async () => {
    const errors: Record<string, string> = {};
    if (!readOfficeCode(code)) errors.code = `An office code is ${CODE_RULE}.`;
    if (!name.trim()) errors.name = 'Give the office a name.';
    if (!parent && !readOfficeCode(parentCode)) errors.parentCode = 'Name the office it goes under, by its code.';
    if (needsPin(type)) errors.pin = pin.trim() ? (pinProblem(pin) ?? '') : `A ${typeName(type).toLowerCase()} needs a PIN.`;
    if (accountOfficeCode.trim() && !readOfficeCode(accountOfficeCode)) errors.accountOfficeCode = `An office code is ${CODE_RULE}.`;
    for (const key of Object.keys(errors)) if (!errors[key]) delete errors[key];
    for (const [part, message] of Object.entries(addressGaps(address))) errors[`address.${part}`] = message;
    setLocal(errors);
    if (Object.keys(errors).length > 0) {
      action.clear();
      return;
    }
    const input: CreateOfficeInput = {
      code,
      name,
      type,
      parentCode: parent?.code ?? parentCode,
      openedOn,
      deliveryShifts: shifts,
      ...(needsPin(type) || pin.trim() ? { pin } : {}),
      ...(needsAccountOffice(type) && accountOfficeCode.trim() ? { accountOfficeCode } : {}),
      ...(addressInputOf(address) ? { address: addressInputOf(address) } : {}),
      ...(phone.trim() ? { phone } : {}),
      ...(email.trim() ? { email } : {}),
    };
    const data = await action.run({ input });
    if (!data) return;
    close();
    void navigate(`/offices/${encodeURIComponent(data.createOffice.code)}`, {
      state: { notice: `Office ${data.createOffice.name} (${data.createOffice.code}) created under ${data.createOffice.parent?.code ?? 'the top of the tree'}.` },
    });
  };

  const problems = action.problems;
  return (
    <ActionForm submitLabel="Create office" onSubmit={() => void submit()} onCancel={close} busy={action.busy} problems={problems} claimedFields={CLAIMED}>
      {parent ? (
        <p className="offices-context">
          Under {parent.name} <span className="mono">{parent.code}</span> ({typeName(parent.type)})
        </p>
      ) : (
        <TextField
          label="Under office"
          description="The parent office's code"
          value={parentCode}
          onChange={(value) => setParentCode(value.toUpperCase())}
          localError={local.parentCode}
          problems={fieldProblems(problems, 'parentCode')}
          inputClassName="mono"
          autoFocus
        />
      )}
      <div className="form-row">
        <TextField
          label="Code"
          description={CODE_RULE}
          value={code}
          onChange={(value) => setCode(value.toUpperCase())}
          localError={local.code}
          problems={fieldProblems(problems, 'code')}
          inputClassName="mono"
          {...(parent ? { autoFocus: true } : {})}
        />
        <SelectField
          label="Type"
          value={type}
          onChange={(value) => setType(value as OfficeType)}
          options={types.map((value) => ({ value, label: typeName(value) }))}
          anyLabel={null}
          isRequired
          error={problemsFor(problems, 'type').map((problem) => `${problem.message} (${problem.code})`).join(' ') || undefined}
        />
      </div>
      <TextField label="Name" value={name} onChange={setName} localError={local.name} problems={fieldProblems(problems, 'name')} />
      <div className="form-row">
        {needsPin(type) ? (
          <TextField
            label="PIN"
            description="Six digits"
            value={pin}
            onChange={setPin}
            inputMode="numeric"
            localError={local.pin}
            problems={fieldProblems(problems, 'pin')}
            inputClassName="mono"
          />
        ) : null}
        {needsAccountOffice(type) ? (
          <TextField
            label="Account office"
            description="Head or sub office above it; the parent when left blank"
            value={accountOfficeCode}
            onChange={(value) => setAccountOfficeCode(value.toUpperCase())}
            localError={local.accountOfficeCode}
            problems={fieldProblems(problems, 'accountOfficeCode')}
            inputClassName="mono"
          />
        ) : null}
        <TextField label="Opened on" type="date" value={openedOn} onChange={setOpenedOn} description="Not after today" problems={fieldProblems(problems, 'openedOn')} />
      </div>
      <AddressFields value={address} onChange={setAddress} problems={problems} localErrors={addressLocal(local)} />
      <div className="form-row">
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} description="Optional" problems={fieldProblems(problems, 'phone')} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} description="Optional" problems={fieldProblems(problems, 'email')} />
      </div>
      <ShiftsFields value={shifts} onChange={setShifts} problems={problems} />
    </ActionForm>
  );
}
