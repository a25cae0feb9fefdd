import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

/** PostgreSQL bytea as a Buffer (drizzle has no built-in column for it). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The operator's own bank accounts (issue 13): collection, payout and office cash-deposit accounts, each kept in the
 * ledger as one detail asset account under head 1500 at its office. A statement is imported into one of them and is
 * refused when it is for another account or currency. (A biller's payout account is billers/tables.ts.)
 */
export const bankAccounts = codSchema.table(
  'bank_accounts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Normalised: upper case, no spaces; an IBAN's check digits verified (isIban). */
    accountNumber: text('account_number').notNull(),
    isIban: boolean('is_iban').notNull(),
    bic: text('bic'),
    ifsc: text('ifsc'),
    currency: text('currency').notNull(),
    purpose: text('purpose').notNull(),
    officeCode: text('office_code').notNull(),
    /** The office's path when registered (scope checks), kept current by office moves like the other copies. */
    officePath: text('office_path').notNull(),
    ledgerAccountCode: text('ledger_account_code').notNull(),
    /** How the bank's CSV export is read (packages/bank-statements CsvMapping, checked), when it sends CSV. */
    csvMapping: jsonb('csv_mapping').$type<Record<string, unknown>>(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // One account number in one currency is one account, whatever name it is registered under.
    uniqueIndex('bank_accounts_number_key').on(table.accountNumber, table.currency),
    uniqueIndex('bank_accounts_ledger_key').on(table.ledgerAccountCode),
    index('bank_accounts_office_idx').on(table.officePath, table.name, table.id),
    check('bank_accounts_purpose_valid', sql`${table.purpose} in ('COLLECTION','PAYOUT','CASH_DEPOSIT')`),
    check('bank_accounts_currency_valid', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('bank_accounts_number_valid', sql`${table.accountNumber} ~ '^[A-Z0-9]{6,34}$'`),
  ],
);

/**
 * One file given to importBankStatement: its hash (the same bytes into the same account answer this import again),
 * how far its reading has got, and why it was refused. The bytes are bankStatementFiles'.
 */
export const bankStatementImports = codSchema.table(
  'bank_statement_imports',
  {
    id: uuid('id').primaryKey(),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the bytes, hex. */
    fileHash: text('file_hash').notNull(),
    fileSize: integer('file_size').notNull(),
    /** As asked (format given) or detected; null until detected. */
    format: text('format'),
    requestedFormat: text('requested_format'),
    status: text('status').notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorLine: integer('error_line'),
    errorElement: text('error_element'),
    alreadyImportedCount: integer('already_imported_count').notNull().default(0),
    actorLabel: text('actor_label').notNull(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('bank_statement_imports_file_key').on(table.bankAccountId, table.fileHash),
    index('bank_statement_imports_created_idx').on(table.createdAt, table.id),
    index('bank_statement_imports_unfinished_idx').on(table.createdAt).where(sql`${table.status} in ('QUEUED','RUNNING')`),
    check('bank_statement_imports_status_valid', sql`${table.status} in ('QUEUED','RUNNING','DONE','FAILED')`),
    check('bank_statement_imports_progress_valid', sql`${table.progressPercent} between 0 and 100`),
    check('bank_statement_imports_failed_valid', sql`(${table.status} = 'FAILED') = (${table.errorCode} is not null)`),
  ],
);

/** The raw file, kept with its import (an auditor can take the bank's own bytes back); removed when the file is refused. */
export const bankStatementFiles = codSchema.table('bank_statement_files', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => bankStatementImports.id),
  content: bytea('content').notNull(),
});

/**
 * A statement (camt Stmt/Ntfctn, an MT940 message, a CSV file) as stored. A statement is LOADING while its import's
 * job writes its lines (in chunks, so progress shows), and STORED once the import is DONE: readers see only STORED ones,
 * so a file is never seen half-read. One (account, statement id) is one statement: the same statement in another
 * file is answered by this row (contentHash equal) or refused (STATEMENT_CONFLICT).
 */
export const bankStatements = codSchema.table(
  'bank_statements',
  {
    id: uuid('id').primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => bankStatementImports.id),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    state: text('state').notNull(),
    format: text('format').notNull(),
    version: text('version'),
    statementId: text('statement_id').notNull(),
    messageId: text('message_id'),
    sequenceNumber: text('sequence_number'),
    currency: text('currency').notNull(),
    openingAmount: numeric('opening_amount'),
    openingDate: date('opening_date', { mode: 'string' }),
    closingAmount: numeric('closing_amount'),
    closingDate: date('closing_date', { mode: 'string' }),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    balances: jsonb('balances').$type<Array<{ type: string; amount: string; currency: string; date: string }>>().notNull(),
    lineCount: integer('line_count').notNull(),
    creditCount: integer('credit_count').notNull(),
    debitCount: integer('debit_count').notNull(),
    creditTotal: numeric('credit_total').notNull(),
    debitTotal: numeric('debit_total').notNull(),
    /** SHA-256 of the statement as parsed (canonical JSON): the same statement from another file is recognised. */
    contentHash: text('content_hash').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('bank_statements_id_key').on(table.bankAccountId, table.statementId),
    index('bank_statements_import_idx').on(table.importId),
    index('bank_statements_listed_idx').on(table.importedAt, table.id).where(sql`${table.state} = 'STORED'`),
    check('bank_statements_state_valid', sql`${table.state} in ('LOADING','STORED')`),
    check('bank_statements_format_valid', sql`${table.format} in ('CAMT_053','CAMT_054','MT940','MT942','CSV')`),
    check('bank_statements_counts_valid', sql`${table.creditCount} + ${table.debitCount} = ${table.lineCount}`),
    check('bank_statements_totals_valid', sql`${table.creditTotal} >= 0 and ${table.debitTotal} >= 0`),
  ],
);

/** What one import answers: each statement of its file in file order, stored by it or found already imported. */
export const bankImportStatements = codSchema.table(
  'bank_import_statements',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => bankStatementImports.id),
    position: integer('position').notNull(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    alreadyImported: boolean('already_imported').notNull(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.position] }), index('bank_import_statements_statement_idx').on(table.statementId)],
);

/** A statement's lines as the bank gave them (packages/bank-statements StatementLine), one row each. */
export const bankStatementLines = codSchema.table(
  'bank_statement_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    bankAccountId: uuid('bank_account_id').notNull(),
    lineIndex: integer('line_index').notNull(),
    direction: text('direction').notNull(),
    reversal: boolean('reversal').notNull(),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }),
    valueDate: date('value_date', { mode: 'string' }),
    status: text('status'),
    transactionCode: text('transaction_code'),
    endToEndId: text('end_to_end_id'),
    accountServicerReference: text('account_servicer_reference'),
    ownerReference: text('owner_reference'),
    paymentInformationId: text('payment_information_id'),
    utr: text('utr'),
    mandateId: text('mandate_id'),
    transactionId: text('transaction_id'),
    creditorReference: text('creditor_reference'),
    remittanceInformation: text('remittance_information'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    counterpartyAccount: text('counterparty_account'),
    counterpartyBic: text('counterparty_bic'),
    transactionCount: integer('transaction_count'),
    /** A batch entry's transactions (StatementTransaction[]), when the bank details them. */
    transactions: jsonb('transactions').$type<unknown[]>(),
  },
  (table) => [
    uniqueIndex('bank_statement_lines_position_key').on(table.statementId, table.lineIndex),
    check('bank_statement_lines_direction_valid', sql`${table.direction} in ('CREDIT','DEBIT')`),
    check('bank_statement_lines_amount_valid', sql`${table.amount} >= 0`),
  ],
);
