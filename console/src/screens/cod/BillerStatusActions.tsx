import { op } from '../../api/operation';
import { CodUpdateBillerDocument, type BillerStatus } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { ProblemList } from '../../ui/ProblemList';
import { useCommand } from '../staff/useCommand';

/**
 * Suspend (no new articles, no payouts) or reactivate a biller, at the version the screen shows: if someone changed it
 * meanwhile the server answers VERSION_CONFLICT and the screen, refetched, shows what they did.
 */
export function BillerStatusActions({ biller }: { biller: { id: string; status: BillerStatus; version: number } }) {
  const command = useCommand(op(CodUpdateBillerDocument));
  if (biller.status === 'CLOSED') return null;
  const next: BillerStatus = biller.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
  return (
    <>
      <Button variant={next === 'SUSPENDED' ? 'danger' : 'primary'} isDisabled={command.busy} onPress={() => void command.run({ id: biller.id, input: { status: next }, expectedVersion: biller.version })}>
        {next === 'SUSPENDED' ? 'Suspend' : 'Reactivate'}
      </Button>
      <ProblemList problems={command.problems} />
    </>
  );
}
