import { useState } from 'react';
import { OfficeRenameDocument } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

/** A new name; the code never changes. */
export function RenameOfficeDialog({ office, onDone }: { office: { code: string; name: string }; onDone: (notice: string) => void }) {
  return (
    <ActionDialog label="Rename" title={`Rename ${office.code}`}>
      {(close) => <RenameForm office={office} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function RenameForm({ office, close, onDone }: { office: { code: string; name: string }; close: () => void; onDone: (notice: string) => void }) {
  const [name, setName] = useState(office.name);
  const [local, setLocal] = useState<string | undefined>();
  const action = useOfficeAction(OfficeRenameDocument);
  const submit = async () => {
    if (!name.trim()) {
      action.clear();
      setLocal('Give the office a name.');
      return;
    }
    setLocal(undefined);
    const data = await action.run({ code: office.code, name });
    if (!data) return;
    close();
    onDone(`Renamed to ${data.renameOffice.name}.`);
  };
  return (
    <ActionForm submitLabel="Rename" onSubmit={() => void submit()} onCancel={close} busy={action.busy} problems={action.problems} claimedFields={['name']}>
      <TextField label="New name" value={name} onChange={setName} localError={local} problems={fieldProblems(action.problems, 'name')} autoFocus />
    </ActionForm>
  );
}
