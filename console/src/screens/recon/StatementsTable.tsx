import { Link } from 'react-router';
import { formatDate } from '../../format/dates';
import type { ReconStatementFieldsFragment } from '../../gql/graphql';
import { Money } from '../../ui/Money';
import { formatLabel } from './labels';
import './recon.css';

type Statement = ReconStatementFieldsFragment & { bankAccount?: { id: string; name: string; accountNumber: string } };

/**
 * Statements as an import answers them or a list shows them: the bank's id (a link to the statement), format, period,
 * opening and closing balances, lines, and credit/debit totals with their counts. Amounts are the API's strings.
 */
export function StatementsTable({ label, statements, showAccount = false }: { label: string; statements: Statement[]; showAccount?: boolean }) {
  return (
    <table className="diff" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Statement</th>
          {showAccount ? <th scope="col">Bank account</th> : null}
          <th scope="col">Format</th>
          <th scope="col">Period</th>
          <th scope="col" className="numeric">Opening balance</th>
          <th scope="col" className="numeric">Closing balance</th>
          <th scope="col" className="numeric">Lines</th>
          <th scope="col" className="numeric">Credits</th>
          <th scope="col" className="numeric">Debits</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((statement) => (
          <tr key={statement.id}>
            <td>
              <Link to={`/recon/statements/${statement.id}`} className="mono">{statement.statementId}</Link>
              {statement.alreadyImported ? <> <span className="recon-badge">already imported</span></> : null}
            </td>
            {showAccount && statement.bankAccount ? <td>{statement.bankAccount.name}</td> : null}
            <td>{formatLabel(statement.format)}</td>
            <td>{statement.fromDate ? `${formatDate(statement.fromDate)} – ${formatDate(statement.toDate)}` : '—'}</td>
            <td className="numeric"><Money value={statement.openingBalance} /></td>
            <td className="numeric"><Money value={statement.closingBalance} /></td>
            <td className="numeric">{statement.lineCount.toLocaleString('en-IN')}</td>
            <td className="numeric"><Money value={statement.creditTotal} /> ({statement.creditCount.toLocaleString('en-IN')})</td>
            <td className="numeric"><Money value={statement.debitTotal} /> ({statement.debitCount.toLocaleString('en-IN')})</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
