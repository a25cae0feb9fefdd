import { useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { exportCsv, type CsvExport } from './csv';

/** "Export CSV" for a whole filtered list, with its progress in words and a way to cancel. */
export function ExportButton<Row>(props: Omit<CsvExport<Row>, 'onProgress' | 'signal'>) {
  const [progress, setProgress] = useState<string | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const start = () => {
    controller.current = new AbortController();
    setProgress('Exporting…');
    exportCsv({ ...props, signal: controller.current.signal, onProgress: (count) => setProgress(`Exporting: ${count.toLocaleString('en-IN')} rows…`) }).then(
      (count) => setProgress(`Exported ${count.toLocaleString('en-IN')} rows.`),
      (error: Error) => setProgress(error.name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${error.message}`),
    ).finally(() => {
      controller.current = undefined;
    });
  };
  const running = controller.current !== undefined;
  return (
    <span className="export">
      {running ? (
        <Button onPress={() => controller.current?.abort()}>Cancel export</Button>
      ) : (
        <Button onPress={start}>Export CSV</Button>
      )}
      <span className="export-progress" role="status" aria-live="polite">
        {progress ?? ''}
      </span>
    </span>
  );
}
