import { useCallback, useState } from 'react';
import { LedgerStatementDocument, type LedgerStatementQuery } from '../../gql/graphql';
import { op } from '../../api/operation';
import { useKeysetList, type KeysetList } from '../../lists/useKeysetList';

type Statement = NonNullable<LedgerStatementQuery['accountStatement']>;
export type StatementLineRow = Statement['edges'][number]['node'] & { cursor: string };
export type StatementSummary = Pick<Statement, 'account' | 'from' | 'to' | 'openingBalance' | 'closingBalance'>;

/**
 * The API's largest statement page (accountStatement allows 500): a statement is read through, so fewer, larger
 * pages mean fewer round trips to its end; each costs the same however deep (a keyset range scan from the cursor).
 */
export const STATEMENT_PAGE_SIZE = 500;

export interface StatementView {
  list: KeysetList<StatementLineRow>;
  /** The account and the balances around the period, from the latest page read; null when there is no such account. */
  summary: StatementSummary | null | undefined;
}

/**
 * An account's statement for a period, growing page by page as the person scrolls. Every page answers the account,
 * opening and closing balance too (a few rows the server reads by index), so the summary is whatever the latest page
 * said, for the period asked.
 */
export function useStatement(accountCode: string, from: string, to: string, pause: boolean): StatementView {
  const key = `${accountCode}|${from}|${to}`;
  const [summary, setSummary] = useState<{ key: string; value: StatementSummary | null }>();
  const select = useCallback(
    (data: LedgerStatementQuery) => {
      const statement = data.accountStatement;
      setSummary({ key, value: statement ? { account: statement.account, from: statement.from, to: statement.to, openingBalance: statement.openingBalance, closingBalance: statement.closingBalance } : null });
      if (!statement) return { rows: [], endCursor: null, hasNextPage: false };
      return {
        rows: statement.edges.map((edge) => ({ ...edge.node, cursor: edge.cursor })),
        endCursor: statement.pageInfo.endCursor,
        hasNextPage: statement.pageInfo.hasNextPage,
      };
    },
    [key],
  );
  const list = useKeysetList({
    query: op(LedgerStatementDocument),
    variables: { accountCode, from, to },
    select,
    pageSize: STATEMENT_PAGE_SIZE,
    pause,
  });
  return { list, summary: summary?.key === key ? summary.value : undefined };
}
