import { Link, useParams } from 'react-router';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { ReverseEntryDialog } from './ReverseEntryDialog';

/**
 * /journal/reverse/:id: a page that hosts the reversal dialog, opened at once, so a reversal can be asked for by
 * address (from a link in the entry detail, a bookmark, a colleague's message) as well as from the entry's screen.
 */
export default function ReverseEntry() {
  const { id = '' } = useParams();
  const me = useMe();
  return (
    <>
      <PageHeader title="Reverse a journal entry" />
      {can(me, 'journal.manual.submit') ? (
        <>
          <p>
            Entry <Link to={`/ledger/entries/${id}`} className="mono">{id}</Link>.
          </p>
          <div className="actions">
            <ReverseEntryDialog entryId={id} defaultOpen />
          </div>
        </>
      ) : (
        <p>Your roles do not include reversing journal entries.</p>
      )}
    </>
  );
}
