import { useState } from 'react';
import type { CodDisputeFilter } from '../../gql/graphql';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { DateField } from '../staff/DateField';
import { DisputeTable, useDisputeList } from './DisputeTable';
import './cod.css';

const FILTERS = ['status', 'office', 'from', 'to'] as const;
const STATUS_OPTIONS = [
  { value: 'OPEN', label: 'Open' },
  { value: 'UPHELD', label: 'Upheld' },
  { value: 'REJECTED', label: 'Rejected' },
];

/**
 * Billers' disputes over the settlement offices the person may see (cod.read), newest first, filtered in the URL
 * by status, settlement office and the dates they were raised; open ones are resolved from their row by holders of
 * cod.dispute.manage. Each links to its article.
 */
export default function DisputesList() {
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [office, setOffice] = useState(filters.office);
  const filter: CodDisputeFilter = {
    ...(filters.status ? { status: filters.status as CodDisputeFilter['status'] } : {}),
    ...(filters.office ? { settlementOfficeCode: filters.office } : {}),
    ...(filters.from ? { raisedFrom: filters.from } : {}),
    ...(filters.to ? { raisedTo: filters.to } : {}),
  };
  const list = useDisputeList(filter);
  return (
    <>
      <PageHeader title="COD disputes" subtitle="Articles billers dispute: the amount is held out of settlement until the dispute is resolved." />
      <search className="filters" aria-label="Filter disputes">
        <SelectField label="Status" value={filters.status} onChange={(status) => setFilters({ status })} options={STATUS_OPTIONS} />
        <TextField label="Settlement office" description="And the offices under it" value={office} onChange={setOffice} onBlur={() => setFilters({ office: office.trim().toUpperCase() })} />
        <DateField label="Raised from" value={filters.from} onChange={(from) => setFilters({ from })} />
        <DateField label="Raised to" value={filters.to} onChange={(to) => setFilters({ to })} />
      </search>
      <ProblemList problems={list.problems} />
      <DisputeTable caption="COD disputes" list={list} linkArticles canResolve={can(me, 'cod.dispute.manage')} />
    </>
  );
}
