import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { ReconBankAccountsDocument, ReconStatementsDocument, type BankStatementFilter, type BankStatementFormat } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { useUrlFilters } from '../../lists/useUrlFilters';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { LoadMore } from '../cod/LoadMore';
import { FORMAT_LABELS, FORMATS } from './labels';
import { StatementsTable } from './StatementsTable';
import '../cod/cod.css';

const FILTERS = ['account', 'from', 'to', 'format'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Statements in the person's scope, newest imported first: filtered by bank account, booking dates reaching into a
 * range, and format (in the URL).
 */
export default function Statements() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [{ data: accounts }] = useQuery({ query: op(ReconBankAccountsDocument), variables: { first: 100 } });
  const filter: BankStatementFilter = {
    ...(filters.account ? { bankAccountId: filters.account } : {}),
    ...(DAY.test(filters.from) ? { from: filters.from } : {}),
    ...(DAY.test(filters.to) ? { to: filters.to } : {}),
    ...(filters.format ? { format: filters.format as BankStatementFormat } : {}),
  };
  const list = useKeysetList({
    query: op(ReconStatementsDocument),
    variables: { filter },
    pageSize: 20,
    select: (data) => ({ rows: data.bankStatements.edges.map((edge) => edge.node), endCursor: data.bankStatements.pageInfo.endCursor, hasNextPage: data.bankStatements.pageInfo.hasNextPage }),
  });
  return (
    <>
      <PageHeader title="Bank statements" subtitle="Statements imported from the banks, newest first." />
      <search className="filters" aria-label="Filter statements">
        <SelectField label="Bank account" value={filters.account} onChange={(account) => setFilters({ account })} options={(accounts?.bankAccounts.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} · ${node.accountNumber}` }))} />
        <TextField label="Booked from" type="date" value={filters.from} onChange={(from) => setFilters({ from })} />
        <TextField label="Booked to" type="date" value={filters.to} onChange={(to) => setFilters({ to })} />
        <SelectField label="Format" value={filters.format} onChange={(format) => setFilters({ format })} options={FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }))} />
      </search>
      <ProblemList problems={list.problems} />
      <StatementsTable label="Bank statements" statements={list.rows} showAccount />
      {!list.loading && list.rows.length === 0 ? <p>No statements match these filters.</p> : null}
      <LoadMore list={list} what="statements" />
    </>
  );
}
