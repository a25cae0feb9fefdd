import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../session/me';
import { debounce, useUrlFilters } from '../../lists/useUrlFilters';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { buildChart, type AccountRow, type ChartNode } from './chart-tree';
import { statementPath, trialBalancePath } from './links';
import { useChart, type ChartData, type ChartScope } from './useChart';
import './ledger.css';

const FILTERS = ['office', 'scope'] as const;
const SCOPES: { value: ChartScope; label: string }[] = [
  { value: 'subtree', label: 'This office and the offices under it' },
  { value: 'office', label: 'This office only' },
];

/**
 * The chart of accounts for an office's scope (the person's own office unless they choose another): the global
 * chart's headers, the accounts under each with their balances, each account opening its statement. Which accounts
 * show is the server's decision (ledger.read over each account's office).
 */
export default function ChartOfAccounts() {
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const officeCode = filters.office || me.office.code;
  const scope: ChartScope = filters.scope === 'office' ? 'office' : 'subtree';
  const [officeText, setOfficeText] = useState(officeCode);
  const pushOffice = useMemo(() => debounce((value: string) => setFilters({ office: value.trim().toUpperCase() })), [setFilters]);
  const chart = useChart(officeCode, scope);
  const tree = useMemo(() => buildChart(chart.headers, chart.branches), [chart.headers, chart.branches]);

  // Open by default: everything when the whole scope is known, the top-level headers when branches load on opening.
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (chart.mode === 'whole') setExpanded(new Set(chart.headers.map((header) => header.code)));
    else if (chart.mode === 'branches') setExpanded(new Set(tree.map((node) => (node.kind === 'header' ? node.header.code : ''))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chart.mode, chart.headers]);
  const toggle = (code: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Chart of accounts"
        subtitle={`Accounts of ${officeCode}${scope === 'subtree' ? ' and the offices under it' : ''}, with their posted balances.`}
        actions={<Link to={trialBalancePath({ office: officeCode })}>Trial balance for {officeCode}</Link>}
      />
      <search className="filters" aria-label="Filter the chart">
        <TextField
          label="Office"
          description="Office code"
          value={officeText}
          onChange={(value) => {
            setOfficeText(value);
            pushOffice(value);
          }}
        />
        <SelectField label="Offices" value={scope} anyLabel={null} onChange={(value) => setFilters({ scope: value === 'office' ? 'office' : '' })} options={SCOPES} />
      </search>
      <ProblemList problems={chart.problems} />
      {chart.mode === 'loading' ? (
        <Loading what="Reading the chart" />
      ) : (
        <>
          {chart.mode === 'whole' && [...chart.branches.values()].every((branch) => branch.accounts.length === 0) ? (
            <p className="ledger-note" role="status">
              No accounts of {officeCode} in your ledger scope{scope === 'subtree' ? ' (nor of offices under it)' : ''}.
            </p>
          ) : null}
          {chart.mode === 'branches' ? (
            <p className="ledger-note">Many accounts in this scope: each header reads its accounts when you open it.</p>
          ) : null}
          <div className="chart" role="group" aria-label="Chart of accounts">
            <div className="chart-columns" aria-hidden="true">
              <span>Account</span>
              <span>Office</span>
              <span>Status</span>
              <span className="numeric">Balance</span>
            </div>
            <ul className="tree tree-root">
              {tree.map((node) => (
                <ChartItem key={nodeKey(node)} node={node} chart={chart} expanded={expanded} toggle={toggle} />
              ))}
            </ul>
          </div>
        </>
      )}
    </>
  );
}

function nodeKey(node: ChartNode): string {
  return node.kind === 'header' ? `h:${node.header.code}` : `a:${node.account.code}`;
}

interface ItemProps {
  chart: ChartData;
  expanded: Set<string>;
  toggle: (code: string) => void;
}

function ChartItem({ node, ...props }: ItemProps & { node: ChartNode }) {
  return node.kind === 'account' ? <AccountItem account={node.account} /> : <HeaderItem node={node} {...props} />;
}

function AccountItem({ account }: { account: AccountRow }) {
  return (
      <li>
        <div className="chart-row chart-account">
          <span className="chart-name">
            <Link to={statementPath(account.code)}>
              <span className="mono">{account.code}</span> {account.name}
            </Link>
          </span>
          <span className="mono">{account.officeCode ?? ''}</span>
          <span>
            <span className={`status status-${account.status.toLowerCase()}`}>{account.status}</span>
          </span>
          <span className="numeric">
            <Money value={account.balance} />
          </span>
        </div>
    </li>
  );
}

function HeaderItem({ node, chart, expanded, toggle }: ItemProps & { node: Extract<ChartNode, { kind: 'header' }> }) {
  const { header, children, totals } = node;
  const open = expanded.has(header.code);
  const branch = chart.branches.get(header.code);
  useEffect(() => {
    if (open && chart.mode === 'branches') chart.loadBranch(header.code);
    // loadBranch reads each branch once; only opening asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, chart.mode, header.code]);
  const listId = `chart-${header.code}`;
  return (
    <li>
      <div className="chart-row chart-header">
        <span className="chart-name">
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={`${open ? 'Close' : 'Open'} ${header.code} ${header.name}`}
            onClick={() => toggle(header.code)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
          <span className="mono">{header.code}</span> <strong>{header.name}</strong>
          {node.accountCount > 0 ? (
            <span className="chart-count">
              {' '}
              · {node.accountCount.toLocaleString('en-IN')} {node.accountCount === 1 ? 'account' : 'accounts'}
            </span>
          ) : null}
        </span>
        <span />
        <span />
        <span className="numeric" title={totals === null ? 'Open every account under it to see its total' : 'Total of the accounts under it'}>
          {totals === null ? <span className="money money-none">—</span> : totals.length === 0 ? <span className="money money-none">no accounts</span> : totals.map((total) => <Money key={total.currency} value={total} />)}
        </span>
      </div>
      {open ? (
        <ul className="tree" id={listId}>
          {children.map((child) => (
            <ChartItem key={nodeKey(child)} node={child} chart={chart} expanded={expanded} toggle={toggle} />
          ))}
          {branch?.loading ? (
            <li>
              <Loading what={`Reading the accounts under ${header.code}`} />
            </li>
          ) : null}
          {chart.mode === 'branches' && branch && !branch.complete && !branch.loading ? (
            <li>
              <Button variant="quiet" onPress={() => chart.loadBranch(header.code)}>
                More accounts under {header.code}
              </Button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
