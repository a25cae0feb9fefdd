import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Numbers and money are right-aligned in tabular figures. */
    numeric?: boolean;
  }
}

export interface DataTableProps<Row> {
  /** The table's accessible name (its caption). */
  caption: string;
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** More rows exist on the server: scrolling near the end asks for them (keyset paging). */
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  /** Enter on a focused row, or a click on it: open its detail. */
  onOpen?: (row: Row) => void;
  /** Server-side sorting, where the API allows it: the sortable columns' ids and the current order. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  emptyText?: string;
  /** Height of the scrolling body; long lists are virtualised within it. */
  maxHeight?: number;
  rowHeight?: number;
  /** Shown in the footer: "1,234 of 5,000 rows" style information, when the caller knows it. */
  summary?: string;
}

/**
 * The console's one grid: TanStack Table for the column model, TanStack Virtual so that 100,000 rows cost what a
 * screenful costs, native table semantics (caption, column headers, aria-sort, aria-rowcount/rowindex, so a screen
 * reader knows where it is even when most rows are not in the DOM), and the keyboard: Tab into the grid, arrows, Page
 * Up/Down, Home/End move between rows, Enter opens one. Reaching the last rows asks for the next keyset page.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  hasMore = false,
  loadingMore = false,
  onLoadMore,
  onOpen,
  sorting,
  onSortingChange,
  emptyText = 'Nothing to show.',
  maxHeight = 560,
  rowHeight = 36,
  summary,
}: DataTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;
  // FOUNDATION: the table model holds only the rows in the virtual window, not the whole list. TanStack Table builds
  // a row object (with its own methods) for every row of `data` each time the data changes, so appending a page to a
  // 100,000-row list rebuilt 100,000 rows: each page got slower (0.2 s early, 0.6 s at the end of a 100,000-line
  // statement) and the heap passed 1 GB. Sorting is the server's (manualSorting), so nothing needs the other rows.
  const windowStart = items.length > 0 ? items[0]!.index : 0;
  const windowEnd = lastIndex + 1;
  const windowRows = useMemo(() => rows.slice(windowStart, windowEnd), [rows, windowStart, windowEnd]);
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: sorting ? { sorting } : {},
    ...(onSortingChange
      ? { onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting ?? []) : updater) }
      : {}),
    getRowId: (row) => rowKey(row),
  });
  const windowTableRows = table.getRowModel().rows;
  const rowCount = rows.length;

  useEffect(() => {
    if (hasMore && !loadingMore && onLoadMore && lastIndex >= rowCount - 20) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore, lastIndex, rowCount]);

  // Roving focus: one row is in the tab order; the arrows move it, scrolling it into the virtual window first.
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  useEffect(() => {
    if (active >= rowCount && rowCount > 0) setActive(rowCount - 1);
  }, [active, rowCount]);
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(rowCount - 1, index));
    focusPending.current = true;
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };
  const pageSize = Math.max(1, Math.floor(maxHeight / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
      Home: 0,
      End: rowCount - 1,
    };
    const target = keys[event.key];
    if (target !== undefined && event.target === event.currentTarget) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && onOpen && event.target === event.currentTarget) {
      event.preventDefault();
      onOpen(rows[index]!);
    }
  };

  const paddingTop = items.length > 0 ? items[0]!.start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="data-table">
      <div className="data-table-scroll" ref={scrollRef} style={{ maxHeight }}>
        <table aria-rowcount={hasMore ? -1 : rowCount + 1}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sortable = Boolean(onSortingChange) && header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={header.column.columnDef.meta?.numeric ? 'numeric' : undefined}
                      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                    >
                      {sortable ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ' ↕'}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: paddingTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = windowTableRows[item.index - windowStart];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === active ? 0 : -1}
                  className={onOpen ? 'openable' : undefined}
                  onFocus={() => setActive(item.index)}
                  onKeyDown={(event) => onKeyDown(event, item.index)}
                  onClick={onOpen ? (event) => {
                    // A click on a link or button inside the row does its own thing.
                    if ((event.target as HTMLElement).closest('a,button,input')) return;
                    onOpen(row.original);
                  } : undefined}
                  style={{ height: rowHeight }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'numeric' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: paddingBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {rowCount === 0 && !loadingMore ? <p className="data-table-empty">{emptyText}</p> : null}
      </div>
      <p className="data-table-footer" aria-live="polite">
        {summary ?? `${rowCount.toLocaleString('en-IN')} ${rowCount === 1 ? 'row' : 'rows'}${hasMore ? ' loaded, more on scroll' : ''}`}
        {loadingMore ? ' · loading more…' : ''}
      </p>
    </div>
  );
}
