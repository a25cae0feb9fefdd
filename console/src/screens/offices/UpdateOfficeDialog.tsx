import { useState } from 'react';
import { OfficeUpdateDocument, type DeliveryShiftsInput } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { AddressFields, ShiftsFields } from './OfficeFields';
import { addressDraftOf, addressGaps, addressLocal, changesOf, type AddressDraft, type Updatable } from './office-drafts';
import { CODE_RULE, needsAccountOffice, needsPin, pinProblem, readOfficeCode } from './office-types';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

const CLAIMED = ['pin', 'address', 'phone', 'email', 'deliveryShifts', 'accountOfficeCode'];

/** Address, PIN, contact, delivery shifts and account office, starting from what the office has now. */
export function UpdateOfficeDialog({ office, onDone }: { office: Updatable; onDone: (notice: string) => void }) {
  return (
    <ActionDialog label="Edit details" title={`Edit ${office.name}`}>
      {(close) => <UpdateForm office={office} close={close} onDone={onDone} />}
    </ActionDialog>
  );
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
    if (Object.keys(errors).length > 0) {
      action.clear();
      return;
    }
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
