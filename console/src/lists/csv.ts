import type { Page } from './useKeysetList';

export interface CsvColumn<Row> {
  header: string;
  /** The cell as text: amounts as their exact decimal strings (a spreadsheet must not see a rounded float). */
  value: (row: Row) => string | null | undefined;
}

export interface CsvExport<Row> {
  filename: string;
  columns: CsvColumn<Row>[];
  /** The list's own page fetcher: the export walks every page of the filtered result, not just the rows on screen. */
  fetchPage: (after: string | null) => Promise<Page<Row>>;
  onProgress?: (rowsSoFar: number) => void;
  signal?: AbortSignal;
}

/**
 * Streams the whole filtered result into a CSV file, page by page, reporting progress; papaparse writes the CSV
 * (quoting, embedded commas and newlines, formula-looking cells escaped so a spreadsheet does not run them). It is
 * loaded only when someone exports.
 */
export async function exportCsv<Row>({ filename, columns, fetchPage, onProgress, signal }: CsvExport<Row>): Promise<number> {
  const { unparse } = await import('papaparse');
  const parts: string[] = [];
  const write = (rows: (string | null | undefined)[][]) => unparse(rows, { escapeFormulae: true, newline: '\r\n' });
  parts.push(write([columns.map((column) => column.header)]), '\r\n');
  let after: string | null = null;
  let count = 0;
  for (;;) {
    if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
    const page: Page<Row> = await fetchPage(after);
    if (page.rows.length > 0) {
      parts.push(write(page.rows.map((row) => columns.map((column) => column.value(row) ?? ''))), '\r\n');
      count += page.rows.length;
      onProgress?.(count);
    }
    if (!page.hasNextPage || page.endCursor === null) break;
    after = page.endCursor;
  }
  download(filename, new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  return count;
}

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
