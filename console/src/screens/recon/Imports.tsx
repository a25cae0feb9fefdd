import { Link } from 'react-router';
import { op } from '../../api/operation';
import { formatDateTime } from '../../format/dates';
import { ReconImportsDocument } from '../../gql/graphql';
import { useKeysetList } from '../../lists/useKeysetList';
import { PageHeader } from '../../ui/PageHeader';
import { ProblemList } from '../../ui/ProblemList';
import { LoadMore } from '../cod/LoadMore';
import { fileSize, formatLabel, IMPORT_STATUS_LABELS } from './labels';
import '../cod/cod.css';

/** Statement files imported into the accounts of the person's scope, newest first, with their status and progress. */
export default function Imports() {
  const list = useKeysetList({
    query: op(ReconImportsDocument),
    variables: {},
    pageSize: 20,
    select: (data) => ({ rows: data.bankStatementImports.edges.map((edge) => edge.node), endCursor: data.bankStatementImports.pageInfo.endCursor, hasNextPage: data.bankStatementImports.pageInfo.hasNextPage }),
  });
  return (
    <>
      <PageHeader title="Statement imports" subtitle="Every statement file given to the console or the upload, newest first." />
      <ProblemList problems={list.problems} />
      <table className="diff" aria-label="Statement imports">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Bank account</th>
            <th scope="col">Format</th>
            <th scope="col" className="numeric">Size</th>
            <th scope="col">Status</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.id}>
              <td><Link to={`/recon/imports/${row.id}`}>{row.fileName}</Link></td>
              <td><Link to={`/recon/accounts/${row.bankAccount.id}`}>{row.bankAccount.name}</Link></td>
              <td>{formatLabel(row.format)}</td>
              <td className="numeric">{fileSize(row.fileSize)}</td>
              <td>
                {IMPORT_STATUS_LABELS[row.status]}
                {row.status === 'RUNNING' || row.status === 'QUEUED' ? ` (${row.progressPercent}%)` : ''}
                {row.error ? <> <code>{row.error.code}</code></> : null}
              </td>
              <td>{formatDateTime(row.createdAt)} by {row.importedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.rows.length === 0 ? <p>No statement files imported yet.</p> : null}
      <LoadMore list={list} what="imports" />
    </>
  );
}
