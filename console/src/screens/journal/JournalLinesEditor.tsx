import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Problem } from '../../api/problems';
import { Button } from '../../ui/Button';
import { Money } from '../../ui/Money';
import { ProblemList } from '../../ui/ProblemList';
import { TextField } from '../../ui/TextField';
import { CodeComboField, matching, type CodeOption } from './CodeComboField';
import { newLine, totalsOf, type DraftLine } from './lines';
import { withCodes } from './problems';

export interface LineProblems {
  /** Found in the browser, after a submit was asked for. */
  local?: { account?: string; amount?: string };
  /** The API's, for this line. */
  account?: Problem[];
  amount?: Problem[];
}

export interface JournalLinesEditorProps {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  /** A line was edited: its earlier problems no longer apply. */
  onLineEdited: (key: string) => void;
  accounts: CodeOption[];
  currency: string;
  problemsOf: (key: string) => LineProblems;
  /** Problems of the postings as a whole (unbalanced), shown with the totals. */
  postingProblems: Problem[];
  journalError: string | undefined;
  isDisabled?: boolean;
}

/**
 * The voucher's lines: account, debit, credit, one line each, with the totals and the difference under them, worked out
 * exactly as the person types. Keyboard: Tab moves through a line; Enter in an amount goes to the next line, adding
 * one at the end; "Add line" adds one and focuses it; each line's "Remove" takes it out and focuses the line above.
 */
export function JournalLinesEditor({ lines, onChange, onLineEdited, accounts, currency, problemsOf, postingProblems, journalError, isDisabled = false }: JournalLinesEditorProps) {
  const totals = totalsOf(lines, currency);
  const accountInputs = useRef(new Map<string, HTMLInputElement>());
  // The shared Button takes no ref: its wrapper finds it, to give it the focus when the last line goes.
  const addButton = useRef<HTMLSpanElement>(null);
  const [focusKey, setFocusKey] = useState<string | 'add' | null>(null);
  useEffect(() => {
    if (focusKey === null) return;
    if (focusKey === 'add') addButton.current?.querySelector('button')?.focus();
    else accountInputs.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey, lines]);

  const update = (key: string, change: Partial<DraftLine>) => {
    onLineEdited(key);
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  };
  const add = () => {
    const line = newLine();
    onChange([...lines, line]);
    setFocusKey(line.key);
  };
  const remove = (index: number) => {
    const removed = lines[index]!;
    onLineEdited(removed.key);
    const rest = lines.filter((line) => line.key !== removed.key);
    onChange(rest);
    setFocusKey(rest[index - 1]?.key ?? rest[0]?.key ?? 'add');
  };
  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = lines[index + 1];
    if (next) setFocusKey(next.key);
    else add();
  };
  const difference = totals.difference;
  const accountName = new Map(accounts.map((account) => [account.code, account.name]));

  return (
    <div className="journal-lines-block">
      <table className="journal-lines">
        <caption className="visually-hidden">Posting lines</caption>
        <thead>
          <tr>
            <th scope="col" className="journal-line-number">
              Line
            </th>
            <th scope="col">Account</th>
            <th scope="col" className="numeric journal-amount-column">
              Debit ({currency})
            </th>
            <th scope="col" className="numeric journal-amount-column">
              Credit ({currency})
            </th>
            <th scope="col" className="journal-actions-column">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const check = totals.lines[index]!;
            const problems = problemsOf(line.key);
            const amountProblems = withCodes(problems.amount);
            // An amount's problem goes under the column it was typed in (debit when none was).
            const amountError = check.amountError ?? problems.local?.amount;
            const onCredit = check.side === 'CREDIT';
            const number = index + 1;
            return (
              <tr key={line.key}>
                <th scope="row" className="journal-line-number">
                  {number}
                </th>
                <td className="journal-account-cell">
                  <CodeComboField
                    label={`Line ${number} account`}
                    hideLabel
                    value={line.accountCode}
                    onChange={(accountCode) => update(line.key, { accountCode: accountCode.toUpperCase() })}
                    options={matching(accounts, line.accountCode)}
                    description={accountName.get(line.accountCode.trim().toUpperCase())}
                    problems={withCodes(problems.account)}
                    localError={problems.local?.account}
                    isDisabled={isDisabled}
                    inputRef={(element) => {
                      if (element) accountInputs.current.set(line.key, element);
                      else accountInputs.current.delete(line.key);
                    }}
                  />
                </td>
                <td className="journal-amount-cell">
                  <TextField
                    label={`Line ${number} debit`}
                    className="journal-amount"
                    inputClassName="numeric"
                    inputMode="decimal"
                    value={line.debit}
                    onChange={(debit) => update(line.key, { debit })}
                    onKeyDown={(event) => onAmountKey(event as KeyboardEvent<HTMLInputElement>, index)}
                    localError={onCredit ? undefined : amountError}
                    problems={onCredit ? [] : amountProblems}
                    isDisabled={isDisabled}
                  />
                </td>
                <td className="journal-amount-cell">
                  <TextField
                    label={`Line ${number} credit`}
                    className="journal-amount"
                    inputClassName="numeric"
                    inputMode="decimal"
                    value={line.credit}
                    onChange={(credit) => update(line.key, { credit })}
                    onKeyDown={(event) => onAmountKey(event as KeyboardEvent<HTMLInputElement>, index)}
                    localError={onCredit ? amountError : undefined}
                    problems={onCredit ? amountProblems : []}
                    isDisabled={isDisabled}
                  />
                </td>
                <td>
                  <Button variant="quiet" onPress={() => remove(index)} isDisabled={isDisabled || lines.length <= 1} aria-label={`Remove line ${number}`}>
                    Remove
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="journal-totals-label">
              Totals
            </th>
            <td className="numeric" data-testid="total-debits">
              <span className="visually-hidden">Total debits </span>
              <Money value={{ amount: totals.debits.toFixed(), currency }} showCurrency={false} />
            </td>
            <td className="numeric" data-testid="total-credits">
              <span className="visually-hidden">Total credits </span>
              <Money value={{ amount: totals.credits.toFixed(), currency }} showCurrency={false} />
            </td>
            <td />
          </tr>
          <tr className={totals.balanced ? 'journal-balanced' : 'journal-unbalanced'}>
            <th scope="row" colSpan={2} className="journal-totals-label">
              Difference
            </th>
            <td className="numeric" colSpan={2} data-testid="difference">
              <Money value={{ amount: difference.abs().toFixed(), currency }} />
              <span className="journal-difference-side">
                {difference.isZero() ? '' : difference.isPositive() ? ' more in debits' : ' more in credits'}
              </span>
            </td>
            <td>
              {/* Announced when it changes, not at every keystroke: the figures are in the cells above. */}
              <span role="status" className="journal-balance-state">
                {totals.balanced ? 'Balanced' : 'Not balanced'}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="actions">
        <span ref={addButton}>
          <Button onPress={add} isDisabled={isDisabled}>
            Add line
          </Button>
        </span>
        <span className="field-description">Enter in an amount moves to the next line, adding one at the end.</span>
      </div>
      {journalError ? (
        <p className="field-error" role="alert">
          {journalError}
        </p>
      ) : null}
      <ProblemList problems={postingProblems} />
    </div>
  );
}
