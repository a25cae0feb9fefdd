import { useState } from 'react';
import type { CodDisputeFieldsFragment, CodDisputeFilter } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { DisputeTable, useDisputeList } from '../cod/DisputeTable';
import { DisputeView, RaiseDisputeDialog } from '../cod/Disputes';
import '../cod/cod.css';

/**
 * The biller's own disputes (codDisputes answers a biller's people theirs only), newest first, by status; a new one
 * is raised here too. The post office resolves them: this page only shows where each stands.
 */
export default function BillerDisputes() {
  const me = useMe();
  const code = me.billerCode ?? '';
  const [status, setStatus] = useState('');
  const [raised, setRaised] = useState<CodDisputeFieldsFragment | undefined>();
  const filter: CodDisputeFilter = status ? { status: status as CodDisputeFilter['status'] } : {};
  const list = useDisputeList(filter, code === '');
  return (
    <>
      <PageHeader title="COD disputes" subtitle={`Biller ${code}: articles you dispute, held out of settlement until the post office resolves them.`} actions={<RaiseDisputeDialog onRaised={(dispute) => { setRaised(dispute); list.reload(); }} />} />
      {raised ? <DisputeView dispute={raised} canResolve={false} onChange={setRaised} /> : null}
      <search className="filters" aria-label="Filter your disputes">
        <SelectField label="Status" value={status} onChange={setStatus} options={[{ value: 'OPEN', label: 'Open' }, { value: 'UPHELD', label: 'Upheld' }, { value: 'REJECTED', label: 'Rejected' }]} />
      </search>
      <ProblemList problems={list.problems} />
      <DisputeTable caption="Your disputes" list={list} linkArticles={false} canResolve={false} />
    </>
  );
}
