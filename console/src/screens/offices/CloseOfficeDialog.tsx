import { useState } from 'react';
import { OfficeCloseDocument } from '../../gql/graphql';
import { formatDate, operatorToday } from '../../format/dates';
import { TextField } from '../../ui/TextField';
import { ActionDialog, ActionForm } from './ActionDialog';
import { fieldProblems, useOfficeAction } from './useOfficeAction';

/** Closes an office that has nothing left in it. Not undone, so the dialog says what it needs and asks for the day. */
export function CloseOfficeDialog({ office, onDone }: { office: { code: string; name: string; openedOn: string }; onDone: (notice: string) => void }) {
  return (
    <ActionDialog label="Close office" title={`Close ${office.name}`} variant="danger">
      {(close) => <CloseForm office={office} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function CloseForm({ office, close, onDone }: { office: { code: string; name: string; openedOn: string }; close: () => void; onDone: (notice: string) => void }) {
  const [closedOn, setClosedOn] = useState(operatorToday());
  const [local, setLocal] = useState<string | undefined>();
  const action = useOfficeAction(OfficeCloseDocument);
  const submit = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closedOn)) {
      action.clear();
      setLocal('Give the day it closes.');
      return;
    }
    setLocal(undefined);
    const data = await action.run({ code: office.code, closedOn });
    if (!data) return;
    close();
    onDone(`Closed on ${formatDate(data.closeOffice.closedOn)}.`);
  };
  return (
    <ActionForm
      submitLabel="Close office"
      submitVariant="danger"
      onSubmit={() => void submit()}
      onCancel={close}
      busy={action.busy}
      problems={action.problems}
      claimedFields={['closedOn']}
    >
      <p className="offices-context">
        Closing cannot be undone. An office closes only when no active office is under it, no staff are assigned to it, and its ledger accounts
        carry no balance and no pending hold.
      </p>
      <TextField
        label="Closed on"
        type="date"
        description={`Not before it opened (${formatDate(office.openedOn)}), not after today`}
        value={closedOn}
        onChange={setClosedOn}
        localError={local}
        problems={fieldProblems(action.problems, 'closedOn')}
        autoFocus
      />
    </ActionForm>
  );
}
