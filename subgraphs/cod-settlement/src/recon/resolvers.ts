import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import { decodeCursor, toConnection } from '@postal/server';
import { BadUserInputError } from '@postal/errors';
import type { StatementTransaction } from '@postal/bank-statements';
import type { Context } from '../context.js';
import { statementLinesCsv } from './exports.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { BankAccountRow } from './bank-accounts/repository.js';
import { findBankAccount } from './bank-accounts/repository.js';
import { importStatements, listLines, type ImportedStatementRow, type ImportRow, type LineRow, type StatementRow } from './imports/repository.js';

const m = (amount: string, currency: string) => toMoneyOutput(money(amount, currency));
const account = (parent: unknown) => parent as BankAccountRow;
const imported = (parent: unknown) => parent as ImportRow;
const statement = (parent: unknown) => parent as StatementRow & { alreadyImported?: boolean };
const line = (parent: unknown) => parent as LineRow;

/** A statement's or import's bank account: the caller saw the statement, so they may see the account it is in. */
const accountOf = async (context: Context, id: string) => (await findBankAccount(context.services.recon.database.db, id)) as never;

function references(row: Partial<Record<'endToEndId' | 'accountServicerReference' | 'ownerReference' | 'paymentInformationId' | 'utr' | 'mandateId' | 'transactionId' | 'creditorReference', string | null | undefined>>) {
  return {
    endToEndId: row.endToEndId ?? null,
    accountServicerReference: row.accountServicerReference ?? null,
    ownerReference: row.ownerReference ?? null,
    paymentInformationId: row.paymentInformationId ?? null,
    utr: row.utr ?? null,
    mandateId: row.mandateId ?? null,
    transactionId: row.transactionId ?? null,
    creditorReference: row.creditorReference ?? null,
  };
}

export const reconResolvers: Resolvers<Context> = {
  Query: {
    bankAccounts: (_parent, { filter, first, after }, context) => context.services.bankAccounts.list(context.identity, filter, first, after) as never,
    bankAccount: (_parent, { id }, context) => context.services.bankAccounts.find(context.identity, id) as never,
    bankStatement: (_parent, { id }, context) => context.services.statementImports.findStatement(context.identity, id) as never,
    bankStatements: (_parent, { filter, first, after }, context) => context.services.statementImports.statements(context.identity, filter, first, after) as never,
    bankStatementImport: (_parent, { id }, context) => context.services.statementImports.findImport(context.identity, id) as never,
    bankStatementImports: (_parent, { bankAccountId, first, after }, context) => context.services.statementImports.imports(context.identity, bankAccountId, first, after) as never,
  },
  Mutation: {
    registerBankAccount: (_parent, { input }, context) => context.services.bankAccounts.register(context, input as never) as never,
    importBankStatement: (_parent, { input }, context) => context.services.statementImports.submit(context, input) as never,
    setBankCsvMapping: (_parent, { bankAccountId, mapping }, context) => context.services.bankAccounts.setCsvMapping(context, bankAccountId, mapping) as never,
  },
  BankAccount: {
    registeredAt: (parent) => account(parent).registeredAt.toISOString(),
    csvMapping: (parent) => (account(parent).csvMapping ? JSON.stringify(account(parent).csvMapping) : null),
    statements: (parent, { first, after }, context) => context.services.statementImports.statements(context.identity, { bankAccountId: account(parent).id }, first, after) as never,
  },
  BankStatementImport: {
    bankAccount: (parent, _args, context) => accountOf(context, imported(parent).bankAccountId),
    status: (parent) => imported(parent).status as never,
    format: (parent) => imported(parent).format as never,
    error: (parent) => {
      const row = imported(parent);
      return row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '', line: row.errorLine, element: row.errorElement } : null;
    },
    statements: (parent, _args, context) => importStatements(context.services.recon.database.db, imported(parent).id) as never,
    importedBy: (parent) => imported(parent).actorLabel,
    existing: (parent) => (parent as { existing?: boolean }).existing === true,
    createdAt: (parent) => imported(parent).createdAt.toISOString(),
    finishedAt: (parent) => imported(parent).finishedAt?.toISOString() ?? null,
  },
  BankStatement: {
    bankAccount: (parent, _args, context) => accountOf(context, statement(parent).bankAccountId),
    format: (parent) => statement(parent).format as never,
    openingBalance: (parent) => (statement(parent).openingAmount === null ? null : m(statement(parent).openingAmount!, statement(parent).currency)),
    closingBalance: (parent) => (statement(parent).closingAmount === null ? null : m(statement(parent).closingAmount!, statement(parent).currency)),
    balances: (parent) => statement(parent).balances.map((b) => ({ type: b.type, amount: m(b.amount, b.currency), date: b.date })),
    creditTotal: (parent) => m(statement(parent).creditTotal, statement(parent).currency),
    debitTotal: (parent) => m(statement(parent).debitTotal, statement(parent).currency),
    alreadyImported: (parent) => (statement(parent) as ImportedStatementRow).alreadyImported ?? false,
    linesCsv: (parent, _args, context) => statementLinesCsv(context.services.recon.database.db, statement(parent).id),
    importedAt: (parent) => statement(parent).importedAt.toISOString(),
    lines: async (parent, { first, after, direction }, context) => {
      const size = first ?? 100;
      if (!Number.isInteger(size) || size < 1 || size > 100) throw new BadUserInputError('first', 'first must be between 1 and 100', { max: 100 });
      const cursor = decodeCursor(after, 1);
      const afterIndex = cursor ? Number(cursor[0]) : 0;
      if (!Number.isSafeInteger(afterIndex) || afterIndex < 0) throw new BadUserInputError('after', 'the cursor is not one this API issued');
      const rows = await listLines(context.services.recon.database.db, statement(parent).id, direction ?? null, afterIndex, size + 1);
      return toConnection(rows, size, (row) => [String(row.lineIndex)]) as never;
    },
  },
  BankStatementLine: {
    id: (parent) => String(line(parent).id),
    index: (parent) => line(parent).lineIndex,
    direction: (parent) => line(parent).direction as never,
    amount: (parent) => m(line(parent).amount, line(parent).currency),
    references: (parent) => references(line(parent)),
    remittanceInformation: (parent) => line(parent).remittanceInformation,
    counterparty: (parent) => {
      const row = line(parent);
      if (!row.counterpartyName && !row.counterpartyIban && !row.counterpartyAccount && !row.counterpartyBic) return null;
      return { name: row.counterpartyName, iban: row.counterpartyIban, account: row.counterpartyAccount, bic: row.counterpartyBic };
    },
    transactions: (parent) =>
      ((line(parent).transactions ?? []) as StatementTransaction[]).map((tx) => ({
        amount: tx.amount && tx.currency ? m(tx.amount, tx.currency) : tx.amount ? m(tx.amount, line(parent).currency) : null,
        direction: (tx.direction ?? null) as never,
        references: references(tx.references ?? {}),
        remittanceInformation: tx.remittanceInformation ?? null,
        counterparty: tx.counterparty ? { name: tx.counterparty.name ?? null, iban: tx.counterparty.iban ?? null, account: tx.counterparty.account ?? null, bic: tx.counterparty.bic ?? null } : null,
      })),
  },
};
