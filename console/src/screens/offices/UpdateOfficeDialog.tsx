import { useState } from 'react';
import { OfficeUpdateDocument, type DeliveryShiftsInput, type OfficeType, type UpdateOfficeInput } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { addressLocal, AddressFields, addressDraftOf, addressGaps, addressInputOf, ShiftsFields, type AddressDraft } from './OfficeFields';
import { CODE_RULE, needsAccountOffice, needsPin, pinProblem, readOfficeCode } from './office-types';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

const CLAIMED = ['pin', 'address', 'phone', 'email', 'deliveryShifts', 'accountOfficeCode'];

export interface Updatable {
  code: string;
  name: string;
  type: OfficeType;
  pin: string | null;
  address: { line1: string; line2: string | null; city: string; district: string | null; state: string } | null;
  contact: { phone: string | null; email: string | null };
  deliveryShifts: DeliveryShiftsInput;
  accountOffice: { code: string } | null;
}

/** Address, PIN, contact, delivery shifts and account office, starting from what the office has now. */
export function UpdateOfficeDialog({ office, onDone }: { office: Updatable; onDone: (notice: string) => void }) {
  return (
    <ActionDialog label="Edit details" title={`Edit ${office.name}`}>
      {(close) => <UpdateForm office={office} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

const sameShifts = (a: DeliveryShiftsInput, b: DeliveryShiftsInput) =>
  a.morning === b.morning && a.evening === b.evening && a.sundays === b.sundays && a.holidays === b.holidays;

/**
 * Only what the person changed is sent (the input leaves the rest as it is); a contact emptied is sent as null, which
 * clears it. The server refuses clearing what may not be empty (a post office's PIN) and says so next to the field.
 */
export function changesOf(office: Updatable, draft: { pin: string; phone: string; email: string; address: AddressDraft; shifts: DeliveryShiftsInput; accountOfficeCode: string }): UpdateOfficeInput {
  const input: UpdateOfficeInput = {};
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  if (text(draft.pin) !== office.pin) input.pin = text(draft.pin);
  if (text(draft.phone) !== office.contact.phone) input.phone = text(draft.phone);
  if (text(draft.email) !== office.contact.email) input.email = text(draft.email);
  const address = addressInputOf(draft.address);
  const before = addressInputOf(addressDraftOf(office.address));
  if (JSON.stringify(address) !== JSON.stringify(before)) input.address = address;
  if (!sameShifts(draft.shifts, office.deliveryShifts)) input.deliveryShifts = draft.shifts;
  const account = readOfficeCode(draft.accountOfficeCode) ?? (draft.accountOfficeCode.trim() ? draft.accountOfficeCode : null);
  if (account !== null && account !== office.accountOffice?.code) input.accountOfficeCode = account;
  return input;
}

function UpdateForm({ office, close, onDone }: { office: Updatable; close: () => void; onDone: (notice: string) => void }) {
  const [pin, setPin] = useState(office.pin ?? '');
  const [phone, setPhone] = useState(office.contact.phone ?? '');
  const [email, setEmail] = useState(office.contact.email ?? '');
  const [address, setAddress] = useState<AddressDraft>(addressDraftOf(office.address));
  const [shifts, setShifts] = useState<DeliveryShiftsInput>({
    morning: office.deliveryShifts.morning,
    evening: office.deliveryShifts.evening,
    sundays: office.deliveryShifts.sundays,
    holidays: office.deliveryShifts.holidays,
  });
  const [accountOfficeCode, setAccountOfficeCode] = useState(office.accountOffice?.code ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [nothing, setNothing] = useState(false);
  const action = useOfficeAction(OfficeUpdateDocument);

  const submit = async () => {
    const errors: Record<string, string> = {};
    if (pin.trim() && pinProblem(pin)) errors.pin = pinProblem(pin)!;
    if (!pin.trim() && needsPin(office.type)) errors.pin = 'A post office needs a PIN.';
    if (needsAccountOffice(office.type) && !readOfficeCode(accountOfficeCode)) errors.accountOfficeCode = `Name its account office by code (${CODE_RULE}).`;
    for (const [part, message] of Object.entries(addressGaps(address))) errors[`address.${part}`] = message;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const input = changesOf(office, { pin, phone, email, address, shifts, accountOfficeCode });
    if (Object.keys(input).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    const data = await action.run({ code: office.code, input });
    if (!data) return;
    close();
    onDone(`Details of ${office.code} saved.`);
  };

  return (
    <ActionForm submitLabel="Save" onSubmit={() => void submit()} onCancel={close} busy={action.busy} problems={action.problems} claimedFields={CLAIMED}>
      <div className="form-row">
        <TextField
          label="PIN"
          description={needsPin(office.type) ? 'Six digits' : 'Optional for an administrative unit'}
          value={pin}
          onChange={setPin}
          inputMode="numeric"
          localError={local.pin}
          problems={fieldProblems(action.problems, 'pin')}
          inputClassName="mono"
          autoFocus
        />
        {needsAccountOffice(office.type) ? (
          <TextField
            label="Account office"
            description="A head or sub office above it"
            value={accountOfficeCode}
            onChange={(value) => setAccountOfficeCode(value.toUpperCase())}
            localError={local.accountOfficeCode}
            problems={fieldProblems(action.problems, 'accountOfficeCode')}
            inputClassName="mono"
          />
        ) : null}
      </div>
      <AddressFields value={address} onChange={setAddress} problems={action.problems} localErrors={addressLocal(local)} />
      <div className="form-row">
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} description="Empty clears it" problems={fieldProblems(action.problems, 'phone')} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} description="Empty clears it" problems={fieldProblems(action.problems, 'email')} />
      </div>
      <ShiftsFields value={shifts} onChange={setShifts} problems={action.problems} />
      {nothing ? (
        <p role="status" className="notice">
          Nothing was changed.
        </p>
      ) : null}
    </ActionForm>
  );
}
