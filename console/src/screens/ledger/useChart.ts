import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { LedgerChartAccountsDocument, LedgerChartHeadersDocument, type AccountFilter } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { asProblems } from './problems';
import { branchesOf, type AccountRow, type Branch, type HeaderRow } from './chart-tree';

/** The API's largest page of accounts. */
const PAGE = 100;
/** The global chart has about fifteen headers; this bounds the pages read if it ever grows past a hundred. */
const MAX_HEADER_PAGES = 10;

export type ChartScope = 'subtree' | 'office';

export interface ChartData {
  headers: HeaderRow[];
  branches: Map<string, Branch & { loading: boolean; endCursor: string | null }>;
  /** 'whole': the scope fitted in one page, every branch is known; 'branches': each header's accounts load when opened. */
  mode: 'loading' | 'whole' | 'branches';
  problems: Problem[];
  /** Reads (the rest of) one header's accounts. */
  loadBranch: (headerCode: string) => void;
}

type BranchState = ChartData['branches'] extends Map<string, infer B> ? B : never;

/**
 * The chart for an office's scope, in as few round trips as the scope allows: the headers (one page), then one page of
 * the scope's detail accounts. When that page holds them all (one office, a small division) the whole tree is known
 * and every total can be shown; otherwise each header's accounts are read when it is opened, a page of 100 at a time
 * (a circle's cash header alone has an account per office).
 */
export function useChart(officeCode: string, scope: ChartScope): ChartData {
  const client = useClient();
  const [state, setState] = useState<Omit<ChartData, 'loadBranch'>>({ headers: [], branches: new Map(), mode: 'loading', problems: [] });
  const generation = useRef(0);
  const officeFilter = useCallback((): AccountFilter => (scope === 'office' ? { officeCode } : { underOfficeCode: officeCode }), [officeCode, scope]);

  const accountsPage = useCallback(
    async (filter: AccountFilter, after: string | null) => {
      const result = await client.query(op(LedgerChartAccountsDocument), { filter, first: PAGE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data) throw problemsOf(result.error);
      return result.data.accounts;
    },
    [client],
  );

  useEffect(() => {
    const run = ++generation.current;
    setState({ headers: [], branches: new Map(), mode: 'loading', problems: [] });
    if (!officeCode) return;
    const work = async () => {
      const headers: HeaderRow[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_HEADER_PAGES; page += 1) {
        const result = await client.query(op(LedgerChartHeadersDocument), { first: PAGE, after }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error || !result.data) throw problemsOf(result.error);
        headers.push(...result.data.accounts.edges.map((edge) => edge.node));
        if (!result.data.accounts.pageInfo.hasNextPage) break;
        after = result.data.accounts.pageInfo.endCursor;
      }
      const first = await accountsPage({ ...officeFilter(), kind: 'DETAIL' }, null);
      if (run !== generation.current) return;
      if (!first.pageInfo.hasNextPage) {
        const whole = branchesOf(headers, first.edges.map((edge) => edge.node));
        const branches = new Map([...whole].map(([code, branch]) => [code, { ...branch, loading: false, endCursor: null }]));
        setState({ headers, branches, mode: 'whole', problems: [] });
      } else {
        setState({ headers, branches: new Map(), mode: 'branches', problems: [] });
      }
    };
    work().catch((problems: unknown) => {
      if (run !== generation.current) return;
      setState((current) => ({ ...current, mode: current.mode === 'loading' ? 'branches' : current.mode, problems: asProblems(problems) }));
    });
  }, [client, officeCode, officeFilter, accountsPage]);

  // What loadBranch decides on: the latest state, and the branches being read (so one opening reads a page once).
  const stateRef = useRef(state);
  stateRef.current = state;
  const inFlight = useRef(new Set<string>());

  const loadBranch = useCallback(
    (headerCode: string) => {
      const run = generation.current;
      const current = stateRef.current;
      const branch = current.branches.get(headerCode);
      const flightKey = `${run}:${headerCode}`;
      if (current.mode !== 'branches' || branch?.complete || inFlight.current.has(flightKey)) return;
      inFlight.current.add(flightKey);
      const update = (change: (before: BranchState | undefined) => BranchState, problems?: Problem[]) =>
        setState((latest) => {
          const branches = new Map(latest.branches);
          branches.set(headerCode, change(branches.get(headerCode)));
          return { ...latest, branches, problems: problems ?? latest.problems };
        });
      update((before) => ({ accounts: before?.accounts ?? [], complete: false, loading: true, endCursor: before?.endCursor ?? null }));
      accountsPage({ ...officeFilter(), kind: 'DETAIL', parentCode: headerCode }, branch?.endCursor ?? null)
        .then(
          (page) => {
            if (run !== generation.current) return;
            update((before) => ({
              accounts: [...(before?.accounts ?? []), ...page.edges.map((edge) => edge.node)],
              complete: !page.pageInfo.hasNextPage,
              loading: false,
              endCursor: page.pageInfo.endCursor,
            }));
          },
          (problems: unknown) => {
            if (run !== generation.current) return;
            update((before) => ({ accounts: before?.accounts ?? [], complete: false, loading: false, endCursor: before?.endCursor ?? null }), asProblems(problems));
          },
        )
        .finally(() => inFlight.current.delete(flightKey));
    },
    [accountsPage, officeFilter],
  );

  return { ...state, loadBranch };
}

export type { AccountRow };
