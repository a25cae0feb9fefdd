import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemsOf, type Problem } from '../api/problems';

/** One keyset page as the API answers it: the rows and where the next page starts. */
export interface Page<Row> {
  rows: Row[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface KeysetList<Row> {
  rows: Row[];
  hasMore: boolean;
  /** The first page is on its way (after a filter change too). */
  loading: boolean;
  loadingMore: boolean;
  problems: Problem[];
  loadMore: () => void;
  /** Starts again from the first page (after a change the list should show). */
  reload: () => void;
  /** Fetches any page from the API, for the CSV export of the whole filtered result. */
  fetchPage: (after: string | null) => Promise<Page<Row>>;
}

interface Options<Data, Variables extends AnyVariables, Row> {
  query: TypedDocumentNode<Data, Variables> | string;
  /** The filter; `first` and `after` are added here. */
  variables: Omit<Variables, 'first' | 'after'>;
  select: (data: Data) => Page<Row>;
  pageSize?: number;
  pause?: boolean;
}

/**
 * A server-paged list that grows as the person scrolls: the API's keyset pages (`first`, `after`), fetched in order,
 * appended, never refetched from the start unless the filter changes. Answers for an older filter are dropped.
 */
export function useKeysetList<Data, Variables extends AnyVariables, Row>({
  query,
  variables,
  select,
  pageSize = 100,
  pause = false,
}: Options<Data, Variables, Row>): KeysetList<Row> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ rows: Row[]; endCursor: string | null; hasMore: boolean; loading: boolean; loadingMore: boolean; problems: Problem[] }>({
    rows: [],
    endCursor: null,
    hasMore: false,
    loading: !pause,
    loadingMore: false,
    problems: [],
  });
  const generation = useRef(0);
  const selectRef = useRef(select);
  selectRef.current = select;

  const fetchPage = useCallback(
    async (after: string | null): Promise<Page<Row>> => {
      const result = await client
        .query(query as TypedDocumentNode<Data, Variables>, { ...JSON.parse(key), first: pageSize, after } as unknown as Variables, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error || !result.data) {
        throw Object.assign(new Error(problemsOf(result.error)[0]?.message ?? 'no data'), { problems: problemsOf(result.error) });
      }
      return selectRef.current(result.data);
    },
    [client, query, key, pageSize],
  );

  const load = useCallback(
    (after: string | null, run: number) => {
      fetchPage(after).then(
        (page) => {
          if (run !== generation.current) return;
          setState((current) => ({
            rows: after === null ? page.rows : [...current.rows, ...page.rows],
            endCursor: page.endCursor,
            hasMore: page.hasNextPage,
            loading: false,
            loadingMore: false,
            problems: [],
          }));
        },
        (error: Error & { problems?: Problem[] }) => {
          if (run !== generation.current) return;
          setState((current) => ({ ...current, loading: false, loadingMore: false, hasMore: false, problems: error.problems ?? [{ message: error.message, code: undefined, field: undefined, requestId: undefined }] }));
        },
      );
    },
    [fetchPage],
  );

  const reload = useCallback(() => {
    const run = ++generation.current;
    setState({ rows: [], endCursor: null, hasMore: false, loading: true, loadingMore: false, problems: [] });
    load(null, run);
  }, [load]);

  useEffect(() => {
    if (pause) return;
    reload();
  }, [pause, reload]);

  const loadMore = useCallback(() => {
    setState((current) => {
      if (!current.hasMore || current.loadingMore || current.loading) return current;
      load(current.endCursor, generation.current);
      return { ...current, loadingMore: true };
    });
  }, [load]);

  return { ...state, loadMore, reload, fetchPage };
}
