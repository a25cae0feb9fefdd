/**
 * The manifest file's header as the API documents it (UploadCodManifestInput.content; cod-settlement manifests/csv.ts),
 * checked before the file is sent, with the limits the server applies. Row errors are the server's.
 */
export const MANIFEST_COLUMNS = ['article_number', 'biller_code', 'cod_amount', 'booking_office', 'delivery_office', 'booked_on'] as const;
/** booked_on may be left out (today), and biller_code when the upload names its biller. */
const OPTIONAL = new Set<string>(['booked_on', 'biller_code']);

export const MANIFEST_MAX_BYTES = 8 * 1024 * 1024;
export const MANIFEST_MAX_ROWS = 50_000;
/** How often a running manifest job is asked how far it has got. */
export const MANIFEST_POLL_MS = 1_000;

export function manifestHeaderProblems(csvText: string, billerChosen: boolean): { missing: string[]; unknown: string[]; duplicated: string[] } {
  const firstLine = csvText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const names = firstLine.split(',').map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase()).filter((name) => name !== '');
  const known = new Set<string>(MANIFEST_COLUMNS);
  const missing = MANIFEST_COLUMNS.filter((column) => !OPTIONAL.has(column) && !names.includes(column));
  // Without a biller chosen for the whole file, every row must name its own.
  if (!billerChosen && !names.includes('biller_code')) missing.push('biller_code');
  return {
    missing,
    unknown: names.filter((name) => !known.has(name)),
    duplicated: [...new Set(names.filter((name, at) => names.indexOf(name) !== at))],
  };
}

export function manifestRowCount(csvText: string): number {
  return csvText.split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;
}

export function isManifestFinished(status: string): boolean {
  return status === 'DONE' || status === 'FAILED';
}

/** "<file>-errors.csv", safe as a download name. */
export function errorReportFileName(fileName: string): string {
  const base = fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'manifest';
  return `${base}-errors.csv`;
}
