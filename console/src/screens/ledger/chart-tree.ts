import type { LedgerChartAccountsQuery, LedgerChartHeadersQuery } from '../../gql/graphql';
import type { MoneyValue } from '../../format/money';
import { totalsByCurrency } from './amounts';

export type HeaderRow = LedgerChartHeadersQuery['accounts']['edges'][number]['node'];
export type AccountRow = LedgerChartAccountsQuery['accounts']['edges'][number]['node'];

/** A header's own detail accounts as loaded so far: complete once the API said there are no more. */
export interface Branch {
  accounts: AccountRow[];
  complete: boolean;
}

export type ChartNode =
  | {
      kind: 'header';
      header: HeaderRow;
      children: ChartNode[];
      /** Per currency, the sum of every account under it; null until all of them are loaded (a partial sum misleads). */
      totals: MoneyValue[] | null;
      /** Detail accounts under it (at any depth) loaded so far. */
      accountCount: number;
    }
  | { kind: 'account'; account: AccountRow };

/**
 * The chart as a tree: headers by parentCode (the global chart's structure), and under each header the detail
 * accounts loaded for it. A header's total is the exact sum (decimal strings, per currency) of the balances under it,
 * given only when its whole branch is loaded; balances under one header share its type, so its normal side too.
 */
export function buildChart(headers: readonly HeaderRow[], branches: ReadonlyMap<string, Branch>): ChartNode[] {
  const childHeaders = new Map<string | null, HeaderRow[]>();
  const known = new Set(headers.map((header) => header.code));
  for (const header of headers) {
    // A header whose parent is not among those read is shown at the top rather than lost.
    const parent = header.parentCode !== null && known.has(header.parentCode) ? header.parentCode : null;
    childHeaders.set(parent, [...(childHeaders.get(parent) ?? []), header]);
  }
  const build = (header: HeaderRow, seen: Set<string>): ChartNode => {
    const branch = branches.get(header.code);
    const subHeaders = (childHeaders.get(header.code) ?? []).filter((child) => !seen.has(child.code));
    const children: ChartNode[] = subHeaders.map((child) => build(child, new Set([...seen, child.code])));
    const accounts = branch?.accounts ?? [];
    children.push(...accounts.map((account): ChartNode => ({ kind: 'account', account })));
    const complete = Boolean(branch?.complete) && children.every((child) => child.kind === 'account' || child.totals !== null);
    const accountCount = accounts.length + children.reduce((count, child) => count + (child.kind === 'header' ? child.accountCount : 0), 0);
    return { kind: 'header', header, children, totals: complete ? totalsOf(children) : null, accountCount };
  };
  return (childHeaders.get(null) ?? []).map((header) => build(header, new Set([header.code])));
}

function totalsOf(children: readonly ChartNode[]): MoneyValue[] {
  return totalsByCurrency(
    children.flatMap((child) => (child.kind === 'account' ? (child.account.balance ? [child.account.balance] : []) : (child.totals ?? []))),
  );
}

/**
 * Every detail account loaded in one pass (a small scope, such as one office or a division of a few offices) grouped
 * by the header it sits under; each branch complete, since the whole scope was read.
 */
export function branchesOf(headers: readonly HeaderRow[], accounts: readonly AccountRow[]): Map<string, Branch> {
  const branches = new Map<string, Branch>(headers.map((header) => [header.code, { accounts: [], complete: true }]));
  for (const account of accounts) {
    if (account.parentCode === null) continue;
    const branch = branches.get(account.parentCode);
    if (branch) branch.accounts.push(account);
    else branches.set(account.parentCode, { accounts: [account], complete: true });
  }
  return branches;
}
