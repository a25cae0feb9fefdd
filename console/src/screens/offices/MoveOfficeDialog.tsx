import { useState } from 'react';
import { OfficeMoveDocument, type OfficeType } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { CODE_RULE, needsAccountOffice, readOfficeCode } from './office-types';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

interface Movable {
  code: string;
  name: string;
  type: OfficeType;
  parent: { code: string } | null;
}

/** Re-parents the office with everything under it; a sub or branch office may take a new account office at once. */
export function MoveOfficeDialog({ office, onDone }: { office: Movable; onDone: (notice: string) => void }) {
  return (
    <ActionDialog label="Move" title={`Move ${office.name}`}>
      {(close) => <MoveForm office={office} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function MoveForm({ office, close, onDone }: { office: Movable; close: () => void; onDone: (notice: string) => void }) {
  const [newParentCode, setNewParentCode] = useState('');
  const [accountOfficeCode, setAccountOfficeCode] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  // The type order and the account offices of the offices under it are about where it goes.
  const action = useOfficeAction(OfficeMoveDocument, { INVALID_OFFICE_TYPE_ORDER: 'newParentCode', INVALID_ACCOUNT_OFFICE: needsAccountOffice(office.type) ? 'accountOfficeCode' : 'newParentCode' });
  const submit = async () => {
    const errors: Record<string, string> = {};
    if (!readOfficeCode(newParentCode)) errors.newParentCode = `Name the new parent by its code (${CODE_RULE}).`;
    if (accountOfficeCode.trim() && !readOfficeCode(accountOfficeCode)) errors.accountOfficeCode = `An office code is ${CODE_RULE}.`;
    setLocal(errors);
    if (Object.keys(errors).length > 0) {
      action.clear();
      return;
    }
    const data = await action.run({
      code: office.code,
      newParentCode: readOfficeCode(newParentCode)!,
      ...(accountOfficeCode.trim() ? { accountOfficeCode: readOfficeCode(accountOfficeCode)! } : {}),
    });
    if (!data) return;
    close();
    const moved = data.moveOffice;
    onDone(`Moved under ${moved.parent?.name ?? moved.parent?.code ?? newParentCode}${moved.accountOffice ? `, in account with ${moved.accountOffice.code}` : ''}.`);
  };
  return (
    <ActionForm
      submitLabel="Move office"
      onSubmit={() => void submit()}
      onCancel={close}
      busy={action.busy}
      problems={action.problems}
      claimedFields={['newParentCode', 'accountOfficeCode']}
    >
      <p className="offices-context">
        Everything under {office.name} moves with it. It is now under <span className="mono">{office.parent?.code ?? 'the top of the tree'}</span>.
      </p>
      <TextField
        label="New parent office"
        description="Its code; of a higher type, and not under this office"
        value={newParentCode}
        onChange={(value) => setNewParentCode(value.toUpperCase())}
        localError={local.newParentCode}
        problems={fieldProblems(action.problems, 'newParentCode')}
        inputClassName="mono"
        autoFocus
      />
      {needsAccountOffice(office.type) ? (
        <TextField
          label="New account office"
          description="Optional: a head or sub office above the new place (needed when moving to another head office)"
          value={accountOfficeCode}
          onChange={(value) => setAccountOfficeCode(value.toUpperCase())}
          localError={local.accountOfficeCode}
          problems={fieldProblems(action.problems, 'accountOfficeCode')}
          inputClassName="mono"
        />
      ) : null}
    </ActionForm>
  );
}
