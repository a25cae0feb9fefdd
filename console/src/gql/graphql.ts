/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccountFilter = {
  /** Only the accounts with these codes (at most 100): a screen naming several accounts reads them in one query. */
  codes?: Array<string | number> | null | undefined;
  /** Only headers and accounts without an office (the global chart). */
  globalOnly?: boolean | null | undefined;
  headCode?: string | null | undefined;
  kind?: AccountKind | null | undefined;
  /** Accounts of exactly this office. */
  officeCode?: string | number | null | undefined;
  /** Accounts directly under this header: with an office filter, one header's branch of the chart for an office's subtree. */
  parentCode?: string | number | null | undefined;
  status?: AccountStatus | null | undefined;
  type?: AccountType | null | undefined;
  /** Accounts of this office and the offices under it. */
  underOfficeCode?: string | number | null | undefined;
};

/** HEADER accounts group others in the chart and are never posted to; DETAIL accounts carry postings and a balance. */
export type AccountKind =
  | 'DETAIL'
  | 'HEADER';

/** FROZEN accounts take no postings until reopened; CLOSED is final and needs a zero balance and no pending holds. */
export type AccountStatus =
  | 'CLOSED'
  | 'FROZEN'
  | 'OPEN';

export type AccountType =
  | 'ASSET'
  | 'EQUITY'
  | 'EXPENSE'
  | 'INCOME'
  | 'LIABILITY';

/** What is asked for. Each kind has an owning subgraph (which executes it) and a permission its checkers need. */
export type ApprovalKind =
  /** cod-settlement; checker needs cod.biller.bank.approve */
  | 'COD_BANK_CHANGE'
  /** accounts; checker needs journal.manual.approve */
  | 'MANUAL_JOURNAL'
  /** money-orders; checker needs mo.refund.approve */
  | 'MO_REFUND'
  /** money-orders; checker needs mo.tariff.approve */
  | 'MO_TARIFF_CHANGE'
  /** cod-settlement; the reconciliation matching rules; checker needs recon.rules.approve */
  | 'RECON_RULE_SET'
  /** administration; checker needs role.approve */
  | 'ROLE_GRANT'
  /** cod-settlement; checker needs cod.settlement.approve */
  | 'SETTLEMENT_RELEASE';

export type ApprovalRequestFilter = {
  kind?: ApprovalKind | null | undefined;
  /** true: only the requests you made; false: only the requests others made. */
  mine?: boolean | null | undefined;
  /** Requests at this office or anywhere under it. */
  officeCode?: string | number | null | undefined;
  /** Role grants to this member of staff (ROLE_GRANT requests whose payload names them), e.g. their pending grants. */
  staffId?: string | number | null | undefined;
  /** A pending request past its expiry counts as EXPIRED. */
  status?: ApprovalStatus | null | undefined;
  /**
   * true: the requests waiting for your decision: PENDING, not yours, of a kind whose checker permission you hold over
   * the request's office (what a kind asks of its checker beyond that, such as a role grant's delegation, is checked when
   * you decide). false is the same as leaving it out.
   */
  waitingForMe?: boolean | null | undefined;
};

/** PENDING -> APPROVED | REJECTED | EXPIRED; APPROVED -> EXECUTED | FAILED (the owner re-checked the rules and refused). */
export type ApprovalStatus =
  | 'APPROVED'
  | 'EXECUTED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'REJECTED';

export type AuditActorKind =
  | 'ANONYMOUS'
  | 'SERVICE'
  | 'STAFF';

/** Why verification stopped at a record. */
export type AuditBreakReason =
  /** A stored field of the record (or its seal) is not what was sealed. */
  | 'HASH_MISMATCH'
  /** The seal does not follow the stored hash of the seal before it. */
  | 'LINK_MISMATCH'
  /** A position of the chain is gone. */
  | 'POSITION_MISSING'
  /** The seal is there; the record it sealed is gone. */
  | 'RECORD_MISSING'
  /** A stored record is neither sealed nor waiting to be. */
  | 'UNSEALED';

export type AuditOutcome =
  | 'FAILURE'
  | 'SUCCESS';

/** Every condition given must hold. Times are a half-open range: from inclusive, to exclusive. */
export type AuditTrailFilter = {
  action?: string | null | undefined;
  /** The actor's username. */
  actor?: string | null | undefined;
  from?: string | null | undefined;
  /** Records at this office and every office under it. */
  officeCode?: string | null | undefined;
  /** The target's id (a staff id, an office code, ...). */
  target?: string | null | undefined;
  to?: string | null | undefined;
};

export type BankAccountFilter = {
  currency?: string | null | undefined;
  purpose?: BankAccountPurpose | null | undefined;
  /** Accounts kept at this office or under it. */
  underOfficeCode?: string | number | null | undefined;
};

/** What the operator uses a bank account for. */
export type BankAccountPurpose =
  /** Where an office deposits its cash. */
  | 'CASH_DEPOSIT'
  /** Where aggregators' UPI/card settlements and sellers' remittances come in. */
  | 'COLLECTION'
  /** Where settlement payouts to billers (NEFT/RTGS bulk files) go out from. */
  | 'PAYOUT';

export type BankLineDirection =
  /** Money in. */
  | 'CREDIT'
  /** Money out. */
  | 'DEBIT';

export type BankStatementFilter = {
  bankAccountId?: string | number | null | undefined;
  format?: BankStatementFormat | null | undefined;
  /** Statements whose lines reach into this range (booking dates). */
  from?: string | null | undefined;
  to?: string | null | undefined;
};

/** ISO 20022 camt.053 (account statement), camt.054 (notification), SWIFT MT940 and MT942, or the bank's CSV export. */
export type BankStatementFormat =
  | 'CAMT_053'
  | 'CAMT_054'
  | 'CSV'
  | 'MT940'
  | 'MT942';

export type BankStatementImportStatus =
  /** Every statement in it stored (or found already imported). */
  | 'DONE'
  /** Refused whole: see error. Nothing from the file is kept but this record. */
  | 'FAILED'
  /** Stored, waiting for its job (large files). */
  | 'QUEUED'
  | 'RUNNING';

export type BillerBankAccountInput = {
  /** 9 to 18 digits. */
  accountNumber: string;
  holderName: string;
  /** 4 letters, 0, and 6 letters or digits. */
  ifsc: string;
};

export type BillerBankAccountStatus =
  /** Where payouts go now. */
  | 'ACTIVE'
  /** Waiting for a checker in the approvals inbox (COD_BANK_CHANGE). */
  | 'PENDING'
  /** The change was rejected or expired in the inbox. */
  | 'REJECTED'
  /** Replaced by an approved change. */
  | 'SUPERSEDED';

export type BillerContactInput = {
  email: string;
  name: string;
  /** An Indian mobile (ten digits, or +91 and ten digits) or another E.164 number. */
  phone: string;
};

export type BillerFilter = {
  /** Part of the name or code, or the GSTIN exactly. */
  search?: string | null | undefined;
  settlementOfficeCode?: string | number | null | undefined;
  status?: BillerStatus | null | undefined;
  type?: BillerType | null | undefined;
};

export type BillerStatus =
  /** Takes new articles and is paid. */
  | 'ACTIVE'
  /** For good: its code is never reused. */
  | 'CLOSED'
  /** No new articles and no payouts, until made ACTIVE again. */
  | 'SUSPENDED';

export type BillerType =
  | 'ECOMMERCE'
  | 'GEM'
  | 'ONDC';

export type BookMoneyOrderInput = {
  amount: string;
  idempotencyKey: string;
  /** At most 100 characters. */
  message?: string | null | undefined;
  /** The booking office: in your mo.book scope. */
  officeCode: string | number;
  payee: MoneyOrderPayeeInput;
  paymentMode: MoneyOrderPaymentMode;
  product: MoneyOrderProduct;
  sender: MoneyOrderSenderInput;
};

export type BookMoneyOrdersInput = {
  /**
   * CSV, UTF-8, with a header: amount, sender_name, sender_phone, sender_address, sender_id_document, payee_name,
   * payee_phone, payee_address, paying_office_code, message. At most 20,000 rows and 8 MB.
   */
  csv: string;
  fileName: string;
  idempotencyKey: string;
  mode: MoneyOrderBulkMode;
  officeCode: string | number;
  paymentMode: MoneyOrderPaymentMode;
  /** Defaults to SERVICE: a department paying many payees. */
  product?: MoneyOrderProduct | null | undefined;
};

export type BuildSettlementBatchesInput = {
  /** The cycle date (default: today's business date). */
  cycleDate?: string | null | undefined;
  settlementOfficeCode: string | number;
};

export type ClearDigitalCollectionsInput = {
  /** 1 to 1,000 delivered articles paid by UPI or card, not cleared yet. */
  articleNumbers: Array<string | number>;
  /** The aggregator's credit reference. */
  reference: string;
};

/** Days since delivery. */
export type CodAgingBucket =
  | 'D0_2'
  | 'D3_7'
  | 'D8_15'
  | 'D16_30'
  | 'D31_PLUS';

export type CodAgingFilter = {
  billerCode?: string | null | undefined;
  /** The delivery office. */
  officeCode?: string | number | null | undefined;
};

export type CodArticleEventType =
  | 'DAMAGED'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'LOST'
  | 'OUT_FOR_DELIVERY'
  | 'REGISTERED'
  | 'RTO';

export type CodArticleFilter = {
  billerCode?: string | number | null | undefined;
  deliveredFrom?: string | null | undefined;
  deliveredTo?: string | null | undefined;
  /** A delivery office and everything under it. */
  deliveryOfficeCode?: string | number | null | undefined;
  status?: CodArticleStatus | null | undefined;
};

export type CodArticleStatus =
  | 'DAMAGED'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'LOST'
  | 'OUT_FOR_DELIVERY'
  | 'REGISTERED'
  /** Returned to origin: nothing is due. */
  | 'RTO';

export type CodCollectionMode =
  | 'CARD'
  | 'CASH'
  | 'UPI';

export type CodDepositFilter = {
  from?: string | null | undefined;
  officeCode?: string | number | null | undefined;
  postmanId?: string | number | null | undefined;
  to?: string | null | undefined;
};

export type CodDisputeFilter = {
  billerId?: string | number | null | undefined;
  /** Raised on or after this business date. */
  raisedFrom?: string | null | undefined;
  /** Raised on or before this business date. */
  raisedTo?: string | null | undefined;
  /** The biller's settlement office and everything under it. */
  settlementOfficeCode?: string | number | null | undefined;
  status?: CodDisputeStatus | null | undefined;
};

export type CodDisputeKind =
  | 'NOT_RECEIVED'
  | 'PARTIAL_AMOUNT';

export type CodDisputeOutcome =
  | 'REJECTED'
  | 'UPHELD';

export type CodDisputeStatus =
  | 'OPEN'
  | 'REJECTED'
  | 'UPHELD';

export type CodExceptionFilter = {
  billerCode?: string | number | null | undefined;
  officeCode?: string | number | null | undefined;
  status?: CodExceptionStatus | null | undefined;
  type?: CodExceptionType | null | undefined;
};

export type CodExceptionStatus =
  | 'OPEN'
  | 'RESOLVED';

export type CodExceptionType =
  | 'EXCESS_COLLECTION'
  | 'EXCESS_DEPOSIT'
  | 'SHORT_COLLECTION'
  | 'SHORT_DEPOSIT';

/** A negotiated fee rule (the contract keeps the fee schedule's taxes). */
export type CodFeeRuleInput = {
  baseAboveThreshold: string;
  minimumFee: string;
  percentOfExcess: string;
  percentUpToThreshold: string;
  threshold: string;
};

export type CodLossKind =
  | 'DAMAGED'
  | 'LOST';

export type CodManifestStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

/** Contract terms at registration (version 1, from the registration date); every term has a default. */
export type ContractTermsInput = {
  /** Default 7, 0 to 90. */
  bankDetailsHoldDays?: number | null | undefined;
  /** Default 3, 0 to 90. */
  disputeWindowDays?: number | null | undefined;
  /** Absent: no early settlement. */
  earlySettlement?: EarlySettlementInput | null | undefined;
  /** Default: the fee schedule in force, copied. */
  feeRule?: CodFeeRuleInput | null | undefined;
  /** Default IN. */
  holidayCalendar?: string | null | undefined;
  /** Default 50000; at most the fee schedule's maximum. */
  maxArticleAmount?: string | null | undefined;
  /** Default Monday to Friday, [1, 2, 3, 4, 5]. */
  payoutWeekdays?: Array<number> | null | undefined;
  /** Default 8 (T+8), 0 to 60. */
  settlementCycleDays?: number | null | undefined;
};

/** A new contract version from `effectiveFrom` (today or later); the other terms as ContractTermsInput. */
export type ContractVersionInput = {
  bankDetailsHoldDays?: number | null | undefined;
  disputeWindowDays?: number | null | undefined;
  earlySettlement?: EarlySettlementInput | null | undefined;
  effectiveFrom: string;
  feeRule?: CodFeeRuleInput | null | undefined;
  holidayCalendar?: string | null | undefined;
  maxArticleAmount?: string | null | undefined;
  payoutWeekdays?: Array<number> | null | undefined;
  settlementCycleDays?: number | null | undefined;
};

export type CreateOfficeInput = {
  /** Sub and branch offices: a head or sub office above it; defaults to the parent when that is one. */
  accountOfficeCode?: string | number | null | undefined;
  address?: OfficeAddressInput | null | undefined;
  /** 1-32 of A-Z, 0-9 and '-'; unique and never reused. */
  code: string | number;
  /** Defaults to a morning beat on working days. */
  deliveryShifts?: DeliveryShiftsInput | null | undefined;
  email?: string | null | undefined;
  name: string;
  /** Defaults to today; not in the future. */
  openedOn?: string | null | undefined;
  /** Required except for a circle. The type must be strictly below the parent's. */
  parentCode?: string | number | null | undefined;
  phone?: string | null | undefined;
  /** Six digits, the first 1-9; required for head, sub and branch offices. */
  pin?: string | null | undefined;
  type: OfficeType;
};

export type CreateStaffInput = {
  /**
   * For one of a biller's own people: the biller they act for (BL and six digits; INVALID_BILLER_CODE otherwise). They can
   * then be granted BILLER and no other role; BILLER is granted to nobody without one. Absent or null: post office staff.
   */
  billerCode?: string | null | undefined;
  email?: string | null | undefined;
  employeeId: string;
  /**
   * Where their temporary password (and later one-time codes) is sent. With the SMS notifier a mobile is required, with
   * the e-mail notifier an e-mail (CONTACT_REQUIRED otherwise); the embedded default's local outbox needs neither.
   */
  mobile?: string | null | undefined;
  name: string;
  officeCode: string | number;
  /** 2 to 40 characters: lower-case letters, digits, '.', '_', '-'. Stored lower-case. */
  username: string;
};

export type DeliveryShiftsInput = {
  evening: boolean;
  holidays: boolean;
  morning: boolean;
  sundays: boolean;
};

export type EarlySettlementInput = {
  /** Default 2; below the settlement cycle. */
  days?: number | null | undefined;
  /** Default 1. */
  feePercent?: string | null | undefined;
};

export type GrantRoleInput = {
  role: Role;
  username: string;
};

/** How far a grant reaches from the holder's office. */
export type GrantScope =
  /** The holder's own office alone (counter clerks and postmen). */
  | 'OWN_OFFICE'
  /** The office and everything under it. */
  | 'SUBTREE';

export type JournalSourceInput = {
  reference?: string | null | undefined;
  type: string;
};

export type LedgerDiscrepancyKind =
  /** An account whose stored totals differ from the sum of its postings. */
  | 'BALANCE_MISMATCH'
  /** An entry's stored hash, or the chain through it, does not match what its rows hash to now. */
  | 'CHAIN_BROKEN'
  /** Debits and credits over all accounts of a currency do not net to zero. */
  | 'CURRENCY_NOT_BALANCED'
  /** An entry whose postings do not balance per currency, or has fewer than two. */
  | 'ENTRY_UNBALANCED'
  /** An account whose pending amounts differ from its pending holds. */
  | 'PENDING_MISMATCH';

export type MarkLostOrDamagedInput = {
  claimReference: string;
  kind: CodLossKind;
  reason: string;
};

export type MarkOutForDeliveryInput = {
  beat: string;
  postmanId: string | number;
};

export type MarkPayoutFailedInput = {
  reason: string;
  status: PayoutFailure;
};

export type MoneyOrderBulkMode =
  /** Valid rows are booked; the others are reported. */
  | 'ACCEPT_VALID'
  /** Nothing is booked unless every row is valid. */
  | 'ALL_OR_NOTHING';

export type MoneyOrderBulkStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type MoneyOrderFilter = {
  /** Booked on or after (business date). */
  from?: string | null | undefined;
  /** An office and everything under it (booking or paying office); your whole scope when left out. */
  officeCode?: string | number | null | undefined;
  product?: MoneyOrderProduct | null | undefined;
  /** The sender's phone, exactly (E.164, e.g. +919812345678). Needs mo.parties.read. */
  senderPhone?: string | null | undefined;
  status?: MoneyOrderStatus | null | undefined;
  /** Booked on or before (business date). */
  to?: string | null | undefined;
};

/** Where the ledger stands with a movement of an order: its entry posted, on its way, or refused (then an exception). */
export type MoneyOrderLedgerStatus =
  | 'PENDING'
  | 'POSTED'
  | 'REJECTED';

export type MoneyOrderPayeeInput = {
  address: string;
  name: string;
  payingOfficeCode: string | number;
  /** E.164: the one-time password goes here. */
  phone: string;
};

export type MoneyOrderPaymentMode =
  | 'CARD'
  | 'CASH'
  | 'UPI';

export type MoneyOrderProduct =
  /** Electronic money order (eMO). */
  | 'ELECTRONIC'
  /** Instant money order (iMO), paid against a 16-digit secret code given to the sender. */
  | 'INSTANT'
  /** Ordinary money order. */
  | 'ORDINARY'
  /** Service money order, for government and departmental payments: no commission. */
  | 'SERVICE';

export type MoneyOrderSenderInput = {
  address: string;
  /** The ID document shown at the counter, e.g. 'AADHAAR 1234 5678 9012'. With the phone it identifies the sender for the monthly cap. */
  idDocument: string;
  name: string;
  /** E.164, e.g. +919812345678. */
  phone: string;
};

/**
 * Where an order is in its life. BOOKED (taken at the counter) -> AVAILABLE (in the ledger, payable at the paying office)
 * -> PAID; LOCKED (held for a check); STOPPED (by the sender), RETURNED (payee refused or not found) and EXPIRED (end of
 * the second month after the month of issue) each -> REFUNDED (the amount, not the commission); VOID (expired and
 * unclaimed for a year).
 */
export type MoneyOrderStatus =
  | 'AVAILABLE'
  | 'BOOKED'
  | 'EXPIRED'
  | 'LOCKED'
  | 'PAID'
  | 'REFUNDED'
  | 'RETURNED'
  | 'STOPPED'
  | 'VOID';

export type MoneyOrderTariffInput = {
  currency?: string;
  /** The first day in force: after today. */
  effectiveFrom: string;
  maxAmount: string;
  minAmount: string;
  product: MoneyOrderProduct;
  /** JSON, as MoneyOrderTariff.rule. */
  rule: string;
  taxRatePercent?: string;
  wholeUnitsOnly: boolean;
};

/** How a notification travelled. LOCAL_OUTBOX is the embedded default (npm run notifications); MEMORY is the tests'. */
export type NotificationChannel =
  | 'EMAIL'
  | 'LOCAL_OUTBOX'
  | 'MEMORY'
  | 'SMS';

export type OfficeAddressInput = {
  city: string;
  district?: string | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  state: string;
};

export type OfficeFilter = {
  /**
   * A code prefix or part of the name, any case; digits alone also match a PIN prefix (so `110001` finds the offices
   * with that PIN). At most 100 characters.
   */
  search?: string | null | undefined;
  status?: OfficeStatus | null | undefined;
  type?: OfficeType | null | undefined;
  /** Only offices strictly under this one. */
  underCode?: string | number | null | undefined;
};

export type OfficeStatus =
  | 'ACTIVE'
  | 'CLOSED';

/** Levels of the office tree, from the top. A level may be skipped where an operator has none. */
export type OfficeType =
  | 'BRANCH_OFFICE'
  | 'CIRCLE'
  | 'DIVISION'
  | 'HEAD_OFFICE'
  | 'REGION'
  | 'SUB_OFFICE';

export type PayMoneyOrderInput = {
  idempotencyKey: string;
  /** The paying office: in your mo.pay scope. */
  officeCode: string | number;
  /** The payee's one-time password (6 digits); for INSTANT orders give secretCode instead. */
  otp?: string | null | undefined;
  /** The ID document the payee showed. */
  payeeIdDocument: string;
  reference: string | number;
  /** The INSTANT order's 16-digit secret code. */
  secretCode?: string | null | undefined;
};

/** How a payout did not reach the biller: FAILED (not credited) or REVERSED (credited, then returned by the bank). */
export type PayoutFailure =
  | 'FAILED'
  | 'REVERSED';

export type PayoutStatus =
  | 'FAILED'
  | 'PAID'
  | 'PENDING'
  | 'REVERSED';

export type PostJournalEntryInput = {
  /** 1 to 500 characters. */
  description: string;
  /** The business date; the office's business date today (Asia/Kolkata) if left out. */
  effectiveDate?: string | null | undefined;
  /** 1 to 200 characters; the same key with the same entry returns the original, with another entry IDEMPOTENCY_CONFLICT. */
  idempotencyKey: string;
  officeCode: string | number;
  /** Two or more; balanced per currency, and within each office they touch (UNBALANCED_OFFICE: cross offices through their inter-office clearing accounts, 1600). */
  postings: Array<PostingInput>;
  source: JournalSourceInput;
};

export type PostingInput = {
  accountCode: string | number;
  /** Greater than zero, with at most the account currency's minor units. */
  amount: string;
  /** The account's currency, if you want it checked (CURRENCY_MISMATCH when it is not). */
  currency?: string | null | undefined;
  side: PostingSide;
};

export type PostingSide =
  | 'CREDIT'
  | 'DEBIT';

export type RaiseCodDisputeInput = {
  /** What the biller says should have been collected (PARTIAL_AMOUNT needs it). */
  claimedAmount?: string | null | undefined;
  kind: CodDisputeKind;
  note: string;
};

export type RecordDeliveryInput = {
  /** What was collected, more than zero; a difference from the COD amount is recorded and raised as an exception. */
  amount: string;
  mode: CodCollectionMode;
  /** Required for UPI (the 12-digit RRN) and CARD (the 6-character approval code); none for cash. */
  paymentReference?: string | null | undefined;
  podReference: string;
  /** The postman who took it out when left out. */
  postmanId?: string | number | null | undefined;
};

export type RecordPostmanDepositInput = {
  /** Today when left out: the cash collections up to this date not yet deposited are expected. */
  businessDate?: string | null | undefined;
  depositedAmount: string;
  officeCode: string | number;
  postmanId: string | number;
  /** Required when the deposit is short or over. */
  reason?: string | null | undefined;
};

export type RefundMoneyOrderInput = {
  idempotencyKey: string;
  /** Where the cash is handed back: in your mo.book scope. */
  officeCode: string | number;
  reference: string | number;
  /** The ID document the sender shows: it must be the one given at booking. */
  senderIdDocument: string;
};

export type RegisterBankAccountInput = {
  /** An IBAN (spaces allowed, check digits verified) or the bank's own number: 6 to 34 letters and digits. */
  accountNumber: string;
  /** The bank's BIC (8 or 11 characters). */
  bic?: string | null | undefined;
  currency: string;
  /** An Indian bank branch's IFSC (4 letters, 0, 6 letters or digits). */
  ifsc?: string | null | undefined;
  /**
   * An existing ledger account: a detail ASSET account under head 1500, in the same currency, not closed. Left out, one
   * is opened for it at officeCode (`<office>:1500:<key>`).
   */
  ledgerAccountCode?: string | number | null | undefined;
  /** 1 to 100 characters: how finance officers call it ('SBI Parliament Street collection'). */
  name: string;
  /** The office that keeps it. Needed without ledgerAccountCode; with one, it must be that account's office. */
  officeCode?: string | number | null | undefined;
  purpose: BankAccountPurpose;
};

export type RegisterBillerInput = {
  bankAccount: BillerBankAccountInput;
  contact: BillerContactInput;
  contract?: ContractTermsInput | null | undefined;
  gstin?: string | null | undefined;
  name: string;
  /** An active head office in your cod.biller.manage scope. */
  settlementOfficeCode: string | number;
  type: BillerType;
};

export type RegisterCodArticleInput = {
  /** UPU S10: 2 letters, 8 digits, the check digit, 2 letters (EE123456785IN). */
  articleNumber: string | number;
  billerCode: string | number;
  /** Today when left out; never in the future. */
  bookedOn?: string | null | undefined;
  bookingOfficeCode: string | number;
  /** Positive, at most 2 decimals, at most the contract's maximum per article. */
  codAmount: string;
  /** A head, sub or branch post office in your cod.article.register scope. */
  deliveryOfficeCode: string | number;
};

export type ResolveCodDisputeInput = {
  /** Paid to the biller in its next batch (UPHELD only). */
  adjustmentAmount?: string | null | undefined;
  note: string;
  outcome: CodDisputeOutcome;
};

export type RevokeRoleInput = {
  role: Role;
  username: string;
};

export type Role =
  | 'ADMIN'
  | 'AUDITOR'
  /** One of a biller's own people (a seller's staff): reads that biller's COD accounts only. Held only with a billerCode. */
  | 'BILLER'
  | 'COUNTER_CLERK'
  | 'FINANCE_OFFICER'
  | 'POSTMAN';

export type SettlementBatchFilter = {
  billerCode?: string | null | undefined;
  settlementOfficeCode?: string | number | null | undefined;
  status?: SettlementBatchStatus | null | undefined;
};

export type SettlementBatchStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'FAILED'
  | 'PAID'
  | 'REJECTED'
  | 'RELEASED'
  | 'SUBMITTED';

export type SettlementLineKind =
  | 'ADJUSTMENT'
  | 'ARTICLE';

export type StaffFilter = {
  /** Staff at exactly this office. */
  officeCode?: string | number | null | undefined;
  role?: Role | null | undefined;
  /** Part of a username or name (any case), or a whole employee id. At most 100 characters. */
  search?: string | null | undefined;
  status?: StaffStatus | null | undefined;
  /** Staff at this office or anywhere under it. */
  underCode?: string | number | null | undefined;
};

/** ACTIVE staff may sign in; SUSPENDED may be reinstated; LEFT is final. */
export type StaffStatus =
  | 'ACTIVE'
  | 'LEFT'
  | 'SUSPENDED';

export type UpdateBillerInput = {
  contact?: BillerContactInput | null | undefined;
  name?: string | null | undefined;
  status?: BillerStatus | null | undefined;
};

/** Fields left out stay as they are; null clears a field that may be empty. */
export type UpdateOfficeInput = {
  accountOfficeCode?: string | number | null | undefined;
  address?: OfficeAddressInput | null | undefined;
  deliveryShifts?: DeliveryShiftsInput | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  pin?: string | null | undefined;
};

/** What to change; an absent field is left as it is. mobile or email null (or empty) clears it. */
export type UpdateStaffInput = {
  /**
   * The biller they act for; null or empty: none. It changes only while they hold no role (BILLER_BINDING_LOCKED
   * otherwise): revoke BILLER first, and the new grant is approved for the new biller.
   */
  billerCode?: string | null | undefined;
  email?: string | null | undefined;
  mobile?: string | null | undefined;
  name?: string | null | undefined;
};

export type UploadCodManifestInput = {
  /** The biller every row belongs to; rows may then leave biller_code empty. */
  billerCode?: string | number | null | undefined;
  /** The CSV text (8 MB, 50,000 rows at most): article_number, biller_code, cod_amount, booking_office, delivery_office, booked_on. */
  content: string;
  fileName: string;
};

export type ApprovalApproveMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApprovalApproveMutation = { approve: { id: string, status: ApprovalStatus, comment: string | null, decidedAt: string | null, checker: { id: string, username: string } | null } };

export type ApprovalDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalDetailQuery = { approvalRequest: { id: string, kind: ApprovalKind, subgraph: string, status: ApprovalStatus, summary: string, payload: Record<string, unknown>, payloadHash: string, officeCode: string, reason: string | null, comment: string | null, result: Record<string, unknown> | null, createdAt: string, decidedAt: string | null, executedAt: string | null, expiresAt: string, office: { code: string, name: string } | null, maker: { id: string, username: string, staff: { id: string, name: string, employeeId: string } | null }, checker: { id: string, username: string, staff: { id: string, name: string, employeeId: string } | null } | null } | null };

export type ApprovalGrantPersonQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalGrantPersonQuery = { staff: { id: string, name: string, username: string, employeeId: string, status: StaffStatus, roles: Array<Role>, office: { code: string, name: string } } | null };

export type ApprovalJournalAccountsQueryVariables = Exact<{
  codes: Array<string | number> | string | number;
}>;


export type ApprovalJournalAccountsQuery = { accounts: { edges: Array<{ node: { code: string, name: string, currency: string | null, status: AccountStatus, allowManualEntries: boolean } }> } };

export type ApprovalRejectMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ApprovalRejectMutation = { reject: { id: string, status: ApprovalStatus, reason: string | null, decidedAt: string | null, checker: { id: string, username: string } | null } };

export type ApprovalReversedEntryQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalReversedEntryQuery = { journalEntry: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, postedAt: string, source: { type: string, reference: string | null }, reversedBy: { id: string } | null, postings: Array<{ line: number, accountCode: string, side: PostingSide, account: { code: string, name: string } | null, amount: { amount: string, currency: string } }> } | null };

export type ApprovalsListQueryVariables = Exact<{
  filter?: ApprovalRequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApprovalsListQuery = { approvalRequests: { edges: Array<{ node: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, officeCode: string, createdAt: string, decidedAt: string | null, expiresAt: string, maker: { id: string, username: string }, checker: { id: string, username: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditRecordQuery = { auditRecord: { id: string, eventId: string, source: string, occurredAt: string, recordedAt: string, action: string, outcome: AuditOutcome, officeCode: string | null, reason: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null, requestId: string | null, clientAddress: string | null, actor: { kind: AuditActorKind, id: string | null, username: string | null, roles: Array<string>, officeCode: string | null }, target: { type: string, id: string } | null, changes: Array<{ field: string, before: string | null, after: string | null }>, seal: { position: string, hash: string, previousHash: string, sealedAt: string } | null } | null };

export type AuditTrailQueryVariables = Exact<{
  filter?: AuditTrailFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { edges: Array<{ node: { id: string, occurredAt: string, action: string, outcome: AuditOutcome, source: string, officeCode: string | null, reason: string | null, actor: { kind: AuditActorKind, id: string | null, username: string | null }, target: { type: string, id: string } | null, seal: { position: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditVerifyQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditVerifyQuery = { verifyAuditTrail: { ok: boolean, checked: number, unsealed: number, firstBrokenRecord: { id: string | null, position: string | null, reason: AuditBreakReason } | null, sealedUpTo: { position: string, hash: string, sealedAt: string } | null } };

export type BillerHomeQueryVariables = Exact<{
  code: string;
}>;


export type BillerHomeQuery = { billerByCode: { id: string, code: string, name: string, status: BillerStatus, bankAccount: { id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string } | null, pendingBankChange: { id: string } | null, contract: { id: string, version: number, settlementCycleDays: number, payoutWeekdays: Array<number>, disputeWindowDays: number, earlySettlement: { days: number, feePercent: string } | null, maxArticleAmount: { amount: string, currency: string } } | null } | null };

export type BillerSummaryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BillerSummaryQuery = { biller: { id: string, codSummary: { reversalCount: number, averageDaysToRemittance: string | null, p95DaysToRemittance: string | null, available: { amount: string, currency: string }, pending: { amount: string, currency: string }, initiated: { amount: string, currency: string }, lastRemitted: { date: string, utr: string, amount: { amount: string, currency: string } } | null, remittedLast30Days: { amount: string, currency: string }, reversals: { amount: string, currency: string } }, remittances: { edges: Array<{ node: { payoutId: string, batchReference: string, status: PayoutStatus, utr: string | null, releasedOn: string, outcomeOn: string | null, articleCount: number, articleNumbers: Array<string>, amount: { amount: string, currency: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } | null };

export type BillerRemittancesCsvQueryVariables = Exact<{
  id: string | number;
}>;


export type BillerRemittancesCsvQuery = { biller: { id: string, code: string, remittancesCsv: string } | null };

export type CodArticleRowFragment = { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } };

export type CodArticlesQueryVariables = Exact<{
  filter?: CodArticleFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodArticlesQuery = { codArticles: { edges: Array<{ node: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, collection: { mode: CodCollectionMode, paymentReference: string | null, differs: boolean, amount: { amount: string, currency: string } } | null, codAmount: { amount: string, currency: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodArticleQueryVariables = Exact<{
  articleNumber: string | number;
}>;


export type CodArticleQuery = { codArticle: { manifestId: string | null, registeredBy: string, registeredAt: string, id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, timeline: Array<{ type: CodArticleEventType, fromStatus: CodArticleStatus | null, toStatus: CodArticleStatus, officeCode: string, businessDate: string, postmanId: string | null, beat: string | null, reason: string | null, claimReference: string | null, actor: string, occurredAt: string }>, collection: { mode: CodCollectionMode, paymentReference: string | null, podReference: string, differs: boolean, postmanId: string, beat: string | null, officeCode: string, businessDate: string, collectedAt: string, depositId: string | null, clearedOn: string | null, clearedReference: string | null, dueFrom: string | null, amount: { amount: string, currency: string } } | null, codAmount: { amount: string, currency: string } } | null };

export type CodMarkOutForDeliveryMutationVariables = Exact<{
  articleNumber: string | number;
  input: MarkOutForDeliveryInput;
}>;


export type CodMarkOutForDeliveryMutation = { markOutForDelivery: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } } };

export type CodRecordDeliveryMutationVariables = Exact<{
  articleNumber: string | number;
  input: RecordDeliveryInput;
}>;


export type CodRecordDeliveryMutation = { recordDelivery: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, collection: { mode: CodCollectionMode, differs: boolean, amount: { amount: string, currency: string } } | null, codAmount: { amount: string, currency: string } } };

export type CodRecordDeliveryFailureMutationVariables = Exact<{
  articleNumber: string | number;
  reason: string;
}>;


export type CodRecordDeliveryFailureMutation = { recordDeliveryFailure: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } } };

export type CodMarkReturnedToOriginMutationVariables = Exact<{
  articleNumber: string | number;
  reason: string;
}>;


export type CodMarkReturnedToOriginMutation = { markReturnedToOrigin: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } } };

export type CodRegisterArticleMutationVariables = Exact<{
  input: RegisterCodArticleInput;
}>;


export type CodRegisterArticleMutation = { registerCodArticle: { registeredAt: string, id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } } };

export type CodMarkLostOrDamagedMutationVariables = Exact<{
  articleNumber: string | number;
  input: MarkLostOrDamagedInput;
}>;


export type CodMarkLostOrDamagedMutation = { markLostOrDamaged: { id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } } };

export type CodClearDigitalCollectionsMutationVariables = Exact<{
  input: ClearDigitalCollectionsInput;
}>;


export type CodClearDigitalCollectionsMutation = { clearDigitalCollections: { reference: string, billers: Array<{ billerCode: string, articleCount: number, amount: { amount: string, currency: string } }> } };

export type CodPostmanDaySheetQueryVariables = Exact<{
  officeCode: string | number;
  postmanId: string | number;
  date: string;
}>;


export type CodPostmanDaySheetQuery = { postmanDaySheet: { officeCode: string, postmanId: string, date: string, outForDelivery: Array<{ id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } }>, delivered: Array<{ id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, collection: { mode: CodCollectionMode, paymentReference: string | null, differs: boolean, amount: { amount: string, currency: string } } | null, codAmount: { amount: string, currency: string } }>, failed: Array<{ id: string, articleNumber: string, billerCode: string, bookingOfficeCode: string, deliveryOfficeCode: string, status: CodArticleStatus, bookedOn: string, deliveredOn: string | null, codAmount: { amount: string, currency: string } }>, cashCollected: { amount: string, currency: string }, digitalCollected: { amount: string, currency: string }, cashExpected: { amount: string, currency: string } } };

export type CodBillerBankAccountFieldsFragment = { id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string, status: BillerBankAccountStatus, activatedOn: string | null, reason: string | null, requestedBy: string, requestedAt: string, approvalRequest: { id: string } | null };

export type CodContractFieldsFragment = { id: string, version: number, effectiveFrom: string, feeSource: string, settlementCycleDays: number, payoutWeekdays: Array<number>, disputeWindowDays: number, bankDetailsHoldDays: number, holidayCalendar: string, createdBy: string, createdAt: string, earlySettlement: { days: number, feePercent: string } | null, maxArticleAmount: { amount: string, currency: string }, feeRule: { kind: string, threshold: string, percentUpToThreshold: string, minimumFee: string, baseAboveThreshold: string, percentOfExcess: string }, taxes: Array<{ name: string, percent: string }> };

export type CodBillersQueryVariables = Exact<{
  filter?: BillerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodBillersQuery = { billers: { edges: Array<{ node: { id: string, code: string, name: string, type: BillerType, gstin: string | null, status: BillerStatus, settlementOfficeCode: string, contact: { name: string, email: string, phone: string }, bankAccount: { id: string, accountNumber: string, ifsc: string } | null, pendingBankChange: { id: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodBillerQueryVariables = Exact<{
  id: string | number;
}>;


export type CodBillerQuery = { biller: { id: string, code: string, name: string, type: BillerType, gstin: string | null, status: BillerStatus, version: number, currency: string, settlementOfficeCode: string, createdAt: string, contact: { name: string, email: string, phone: string }, bankAccount: { id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string, status: BillerBankAccountStatus, activatedOn: string | null, reason: string | null, requestedBy: string, requestedAt: string, approvalRequest: { id: string } | null } | null, pendingBankChange: { id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string, status: BillerBankAccountStatus, activatedOn: string | null, reason: string | null, requestedBy: string, requestedAt: string, approvalRequest: { id: string } | null } | null, bankAccounts: Array<{ id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string, status: BillerBankAccountStatus, activatedOn: string | null, reason: string | null, requestedBy: string, requestedAt: string, approvalRequest: { id: string } | null }>, contract: { id: string, version: number, effectiveFrom: string, feeSource: string, settlementCycleDays: number, payoutWeekdays: Array<number>, disputeWindowDays: number, bankDetailsHoldDays: number, holidayCalendar: string, createdBy: string, createdAt: string, earlySettlement: { days: number, feePercent: string } | null, maxArticleAmount: { amount: string, currency: string }, feeRule: { kind: string, threshold: string, percentUpToThreshold: string, minimumFee: string, baseAboveThreshold: string, percentOfExcess: string }, taxes: Array<{ name: string, percent: string }> } | null, contracts: Array<{ id: string, version: number, effectiveFrom: string, feeSource: string, settlementCycleDays: number, payoutWeekdays: Array<number>, disputeWindowDays: number, bankDetailsHoldDays: number, holidayCalendar: string, createdBy: string, createdAt: string, earlySettlement: { days: number, feePercent: string } | null, maxArticleAmount: { amount: string, currency: string }, feeRule: { kind: string, threshold: string, percentUpToThreshold: string, minimumFee: string, baseAboveThreshold: string, percentOfExcess: string }, taxes: Array<{ name: string, percent: string }> }> } | null };

export type CodRegisterBillerMutationVariables = Exact<{
  input: RegisterBillerInput;
}>;


export type CodRegisterBillerMutation = { registerBiller: { id: string, code: string, name: string } };

export type CodUpdateBillerMutationVariables = Exact<{
  id: string | number;
  input: UpdateBillerInput;
  expectedVersion: number;
}>;


export type CodUpdateBillerMutation = { updateBiller: { id: string, status: BillerStatus, version: number, name: string } };

export type CodRequestBankChangeMutationVariables = Exact<{
  billerId: string | number;
  bankAccount: BillerBankAccountInput;
  reason: string;
}>;


export type CodRequestBankChangeMutation = { requestBillerBankChange: { biller: { id: string, pendingBankChange: { id: string, holderName: string, accountNumber: string, accountNumberMasked: boolean, ifsc: string, status: BillerBankAccountStatus, activatedOn: string | null, reason: string | null, requestedBy: string, requestedAt: string, approvalRequest: { id: string } | null } | null }, approvalRequest: { id: string } } };

export type CodCreateContractVersionMutationVariables = Exact<{
  billerId: string | number;
  input: ContractVersionInput;
}>;


export type CodCreateContractVersionMutation = { createContractVersion: { id: string, version: number, effectiveFrom: string, feeSource: string, settlementCycleDays: number, payoutWeekdays: Array<number>, disputeWindowDays: number, bankDetailsHoldDays: number, holidayCalendar: string, createdBy: string, createdAt: string, earlySettlement: { days: number, feePercent: string } | null, maxArticleAmount: { amount: string, currency: string }, feeRule: { kind: string, threshold: string, percentUpToThreshold: string, minimumFee: string, baseAboveThreshold: string, percentOfExcess: string }, taxes: Array<{ name: string, percent: string }> } };

export type CodDepositFieldsFragment = { id: string, officeCode: string, postmanId: string, businessDate: string, reason: string | null, collectionCount: number, depositedBy: string, depositedAt: string, expected: { amount: string, currency: string }, deposited: { amount: string, currency: string }, shortage: { amount: string, currency: string }, excess: { amount: string, currency: string } };

export type CodRecordDepositMutationVariables = Exact<{
  input: RecordPostmanDepositInput;
}>;


export type CodRecordDepositMutation = { recordPostmanDeposit: { id: string, officeCode: string, postmanId: string, businessDate: string, reason: string | null, collectionCount: number, depositedBy: string, depositedAt: string, expected: { amount: string, currency: string }, deposited: { amount: string, currency: string }, shortage: { amount: string, currency: string }, excess: { amount: string, currency: string } } };

export type CodDepositsQueryVariables = Exact<{
  filter?: CodDepositFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodDepositsQuery = { codDeposits: { edges: Array<{ node: { id: string, officeCode: string, postmanId: string, businessDate: string, reason: string | null, collectionCount: number, depositedBy: string, depositedAt: string, expected: { amount: string, currency: string }, deposited: { amount: string, currency: string }, shortage: { amount: string, currency: string }, excess: { amount: string, currency: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodExceptionsQueryVariables = Exact<{
  filter?: CodExceptionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodExceptionsQuery = { codExceptions: { edges: Array<{ node: { id: string, type: CodExceptionType, status: CodExceptionStatus, articleNumber: string | null, depositId: string | null, officeCode: string, billerCode: string | null, reason: string | null, businessDate: string, raisedAt: string, raisedBy: string, amount: { amount: string, currency: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodManifestFieldsFragment = { id: string, fileName: string, billerCode: string | null, status: CodManifestStatus, totalRows: number, processedRows: number, progressPercent: number, registeredCount: number, alreadyRegisteredCount: number, rejectedCount: number, failure: string | null, uploadedBy: string, createdAt: string, finishedAt: string | null };

export type CodUploadManifestMutationVariables = Exact<{
  input: UploadCodManifestInput;
}>;


export type CodUploadManifestMutation = { uploadCodManifest: { id: string, fileName: string, billerCode: string | null, status: CodManifestStatus, totalRows: number, processedRows: number, progressPercent: number, registeredCount: number, alreadyRegisteredCount: number, rejectedCount: number, failure: string | null, uploadedBy: string, createdAt: string, finishedAt: string | null } };

export type CodManifestQueryVariables = Exact<{
  id: string | number;
}>;


export type CodManifestQuery = { codManifest: { id: string, fileName: string, billerCode: string | null, status: CodManifestStatus, totalRows: number, processedRows: number, progressPercent: number, registeredCount: number, alreadyRegisteredCount: number, rejectedCount: number, failure: string | null, uploadedBy: string, createdAt: string, finishedAt: string | null, errors: Array<{ row: number, field: string | null, code: string, message: string }> } | null };

export type CodManifestErrorReportQueryVariables = Exact<{
  id: string | number;
}>;


export type CodManifestErrorReportQuery = { codManifest: { id: string, fileName: string, errorReportCsv: string } | null };

export type CodManifestsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodManifestsQuery = { codManifests: { edges: Array<{ node: { id: string, fileName: string, billerCode: string | null, status: CodManifestStatus, totalRows: number, processedRows: number, progressPercent: number, registeredCount: number, alreadyRegisteredCount: number, rejectedCount: number, failure: string | null, uploadedBy: string, createdAt: string, finishedAt: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodOfficeDayQueryVariables = Exact<{
  officeCode: string | number;
  date?: string | null | undefined;
}>;


export type CodOfficeDayQuery = { office: { code: string, name: string, codSummary: { date: string, deliveredCount: number, deliveredAmount: { amount: string, currency: string }, collected: Array<{ mode: string, count: number, amount: { amount: string, currency: string }, deposited: { amount: string, currency: string } }>, deposited: { amount: string, currency: string }, shortages: { amount: string, currency: string }, excess: { amount: string, currency: string } } } | null };

export type CodBatchFieldsFragment = { id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null };

export type CodBatchesQueryVariables = Exact<{
  filter?: SettlementBatchFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodBatchesQuery = { settlementBatches: { edges: Array<{ node: { id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodBatchQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodBatchQuery = { settlementBatch: { id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, lines: { edges: Array<{ cursor: string, node: { kind: SettlementLineKind, articleNumber: string | null, disputeId: string | null, dueFrom: string | null, active: boolean, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, net: { amount: string, currency: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null } | null };

export type CodBuildBatchesMutationVariables = Exact<{
  input: BuildSettlementBatchesInput;
}>;


export type CodBuildBatchesMutation = { buildSettlementBatches: Array<{ id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null }> };

export type CodSubmitBatchesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  note: string;
}>;


export type CodSubmitBatchesMutation = { submitSettlementBatches: { approvalRequestId: string, batches: Array<{ id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null }> } };

export type CodCancelBatchMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CodCancelBatchMutation = { cancelSettlementBatch: { id: string, reference: string, billerId: string, billerCode: string, settlementOfficeCode: string, cycleDate: string, status: SettlementBatchStatus, articleCount: number, approvalRequestId: string | null, releasedOn: string | null, closedReason: string | null, gross: { amount: string, currency: string }, fee: { amount: string, currency: string }, tax: { amount: string, currency: string }, earlyFee: { amount: string, currency: string }, adjustments: { amount: string, currency: string }, net: { amount: string, currency: string }, payout: { id: string, status: PayoutStatus, beneficiaryName: string, accountNumber: string, ifsc: string, utr: string | null, failureReason: string | null, releasedOn: string, outcomeOn: string | null, payoutFileId: string | null, amount: { amount: string, currency: string } } | null } };

export type CodPayoutFileQueryVariables = Exact<{
  id: string | number;
}>;


export type CodPayoutFileQuery = { payoutFile: { id: string, templateCode: string, fileSerial: number, businessDate: string, recordCount: number, fileName: string, content: string, total: { amount: string, currency: string } } | null };

export type CodMarkPayoutPaidMutationVariables = Exact<{
  payoutId: string | number;
  utr: string;
}>;


export type CodMarkPayoutPaidMutation = { markPayoutPaid: { id: string, status: PayoutStatus, utr: string | null, outcomeOn: string | null } };

export type CodMarkPayoutFailedMutationVariables = Exact<{
  payoutId: string | number;
  input: MarkPayoutFailedInput;
}>;


export type CodMarkPayoutFailedMutation = { markPayoutFailed: { id: string, status: PayoutStatus, failureReason: string | null, outcomeOn: string | null } };

export type CodDisputeFieldsFragment = { id: string, articleNumber: string, billerCode: string, kind: CodDisputeKind, status: CodDisputeStatus, note: string, resolutionNote: string | null, raisedOn: string, raisedAt: string, resolvedOn: string | null, claimedAmount: { amount: string, currency: string } | null, adjustmentAmount: { amount: string, currency: string } | null };

export type CodDisputesQueryVariables = Exact<{
  filter?: CodDisputeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CodDisputesQuery = { codDisputes: { edges: Array<{ node: { settlementOfficeCode: string, id: string, articleNumber: string, billerCode: string, kind: CodDisputeKind, status: CodDisputeStatus, note: string, resolutionNote: string | null, raisedOn: string, raisedAt: string, resolvedOn: string | null, claimedAmount: { amount: string, currency: string } | null, adjustmentAmount: { amount: string, currency: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CodRaiseDisputeMutationVariables = Exact<{
  articleNumber: string;
  input: RaiseCodDisputeInput;
}>;


export type CodRaiseDisputeMutation = { raiseCodDispute: { id: string, articleNumber: string, billerCode: string, kind: CodDisputeKind, status: CodDisputeStatus, note: string, resolutionNote: string | null, raisedOn: string, raisedAt: string, resolvedOn: string | null, claimedAmount: { amount: string, currency: string } | null, adjustmentAmount: { amount: string, currency: string } | null } };

export type CodResolveDisputeMutationVariables = Exact<{
  id: string | number;
  input: ResolveCodDisputeInput;
}>;


export type CodResolveDisputeMutation = { resolveCodDispute: { id: string, articleNumber: string, billerCode: string, kind: CodDisputeKind, status: CodDisputeStatus, note: string, resolutionNote: string | null, raisedOn: string, raisedAt: string, resolvedOn: string | null, claimedAmount: { amount: string, currency: string } | null, adjustmentAmount: { amount: string, currency: string } | null } };

export type CodAgingQueryVariables = Exact<{
  filter?: CodAgingFilter | null | undefined;
}>;


export type CodAgingQuery = { codAging: Array<{ billerCode: string, officeCode: string, bucket: CodAgingBucket, count: number, amount: { amount: string, currency: string } }> };

export type CodReconciliationQueryVariables = Exact<{
  asOf?: string | null | undefined;
  billerId?: string | number | null | undefined;
}>;


export type CodReconciliationQuery = { codReconciliation: Array<{ billerId: string, billerCode: string, ledgerPayable: { amount: string, currency: string }, unsettled: { amount: string, currency: string }, difference: { amount: string, currency: string } }> };

export type DashboardApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardApprovalsQuery = { waiting: { edges: Array<{ node: { id: string, kind: ApprovalKind, summary: string, officeCode: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean } }, mine: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean } } };

export type DashboardCounterCashQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCounterCashQuery = { accounts: { edges: Array<{ node: { code: string, name: string, officeCode: string | null, balance: { amount: string, currency: string } | null } }> } };

export type DashboardPostmanCashQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardPostmanCashQuery = { accounts: { edges: Array<{ node: { code: string, name: string, officeCode: string | null, balance: { amount: string, currency: string } | null } }> } };

export type DashboardUnclosedDaysQueryVariables = Exact<{
  date: string;
}>;


export type DashboardUnclosedDaysQuery = { officesNotClosedThrough: { totalCount: number, edges: Array<{ node: { code: string, name: string, type: OfficeType, closedThrough: string | null } }>, pageInfo: { hasNextPage: boolean } } };

export type DashboardVerifyLedgerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardVerifyLedgerQuery = { verifyLedger: { ok: boolean, checkedEntries: number, sealedThrough: string | null, unsealedEntries: number, firstDiscrepancy: { kind: LedgerDiscrepancyKind, entryId: string | null, accountCode: string | null, position: string | null, message: string } | null } };

export type JournalCloseBusinessDayMutationVariables = Exact<{
  officeCode: string | number;
  date: string;
}>;


export type JournalCloseBusinessDayMutation = { closeBusinessDay: { officeCode: string, businessDate: string, previousDate: string | null, closedAt: string, closedBy: { username: string | null }, balances: Array<{ accountCode: string }> } };

export type JournalEntryForReversalQueryVariables = Exact<{
  id: string | number;
}>;


export type JournalEntryForReversalQuery = { journalEntry: { id: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null }, postings: Array<{ line: number, accountCode: string, side: PostingSide, amount: { amount: string, currency: string } }>, reverses: { id: string } | null, reversedBy: { id: string } | null } | null };

export type JournalOfficeAccountsQueryVariables = Exact<{
  officeCode: string | number;
}>;


export type JournalOfficeAccountsQuery = { office: { code: string, name: string, closedThrough: string | null } | null, accounts: { edges: Array<{ node: { code: string, name: string, currency: string | null, status: AccountStatus, allowManualEntries: boolean } }> } };

export type JournalOfficeDayQueryVariables = Exact<{
  officeCode: string | number;
}>;


export type JournalOfficeDayQuery = { office: { code: string, name: string, type: OfficeType, closedThrough: string | null } | null, businessDayCloses: Array<{ officeCode: string, businessDate: string, previousDate: string | null, closedAt: string, closedBy: { username: string | null } }> };

export type JournalOfficeSearchQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type JournalOfficeSearchQuery = { offices: { edges: Array<{ node: { code: string, name: string, type: OfficeType } }> } };

export type JournalPostEntryMutationVariables = Exact<{
  input: PostJournalEntryInput;
}>;


export type JournalPostEntryMutation = { postJournalEntry: { entry: { id: string } | null, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } | null } };

export type JournalReverseEntryMutationVariables = Exact<{
  id: string | number;
  reason: string;
  idempotencyKey: string;
}>;


export type JournalReverseEntryMutation = { reverseJournalEntry: { entry: { id: string } | null, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } | null } };

export type LedgerChartAccountsQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerChartAccountsQuery = { accounts: { edges: Array<{ node: { code: string, name: string, type: AccountType, status: AccountStatus, parentCode: string | null, headCode: string, officeCode: string | null, currency: string | null, balance: { amount: string, currency: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LedgerChartHeadersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerChartHeadersQuery = { accounts: { edges: Array<{ node: { code: string, name: string, type: AccountType, status: AccountStatus, parentCode: string | null, headCode: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LedgerEntryQueryVariables = Exact<{
  id: string | number;
}>;


export type LedgerEntryQuery = { journalEntry: { idempotencyKey: string, holdId: string | null, postedAt: string, chainHash: string | null, id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, actor: { kind: string, id: string, username: string | null }, approvedBy: { kind: string, id: string, username: string | null } | null, postings: Array<{ line: number, accountCode: string, side: PostingSide, account: { code: string, name: string } | null, amount: { amount: string, currency: string } }>, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, decidedAt: string | null, executedAt: string | null, maker: { id: string, username: string }, checker: { id: string, username: string } | null } | null, reverses: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } } | null, reversedBy: { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } } | null, source: { type: string, reference: string | null } } | null };

export type LedgerEntrySummaryFragment = { id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, source: { type: string, reference: string | null } };

export type LedgerStatementQueryVariables = Exact<{
  accountCode: string | number;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerStatementQuery = { accountStatement: { from: string, to: string, account: { code: string, name: string, type: AccountType, status: AccountStatus, officeCode: string | null, currency: string | null, balance: { amount: string, currency: string } | null }, openingBalance: { amount: string, currency: string }, closingBalance: { amount: string, currency: string }, edges: Array<{ cursor: string, node: { entryId: string, effectiveDate: string, description: string, side: PostingSide, amount: { amount: string, currency: string }, runningBalance: { amount: string, currency: string }, entry: { id: string, sequence: string, source: { type: string, reference: string | null } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type LedgerTrialBalanceQueryVariables = Exact<{
  asOf: string;
  officeCode?: string | number | null | undefined;
  currency: string;
}>;


export type LedgerTrialBalanceQuery = { trialBalance: { asOf: string, officeCode: string | null, currency: string, balanced: boolean, totalDebit: { amount: string, currency: string }, totalCredit: { amount: string, currency: string }, lines: Array<{ accountCode: string, account: { code: string, name: string, type: AccountType, officeCode: string | null }, debitTotal: { amount: string, currency: string }, creditTotal: { amount: string, currency: string }, debitBalance: { amount: string, currency: string }, creditBalance: { amount: string, currency: string } }> } };

export type LedgerVerifyQueryVariables = Exact<{ [key: string]: never; }>;


export type LedgerVerifyQuery = { verifyLedger: { ok: boolean, checkedEntries: number, sealedThrough: string | null, unsealedEntries: number, firstDiscrepancy: { kind: LedgerDiscrepancyKind, entryId: string | null, accountCode: string | null, position: string | null, message: string } | null } };

export type MoBookMutationVariables = Exact<{
  input: BookMoneyOrderInput;
}>;


export type MoBookMutation = { bookMoneyOrder: { order: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, sender: { name: string, phone: string }, payee: { name: string, phone: string }, receipt: { text: string }, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } }, codeDelivery: { channel: string, to: string, expiresAt: string, resendsLeft: number } } };

export type MoBulkFieldsFragment = { id: string, status: MoneyOrderBulkStatus, mode: MoneyOrderBulkMode, officeCode: string, fileName: string, totalRows: number, processedRows: number, bookedCount: number, rejectedCount: number, createdAt: string, finishedAt: string | null, bookedAmount: { amount: string, currency: string } };

export type MoBulkBookMutationVariables = Exact<{
  input: BookMoneyOrdersInput;
}>;


export type MoBulkBookMutation = { bookMoneyOrders: { id: string, status: MoneyOrderBulkStatus, mode: MoneyOrderBulkMode, officeCode: string, fileName: string, totalRows: number, processedRows: number, bookedCount: number, rejectedCount: number, createdAt: string, finishedAt: string | null, bookedAmount: { amount: string, currency: string } } };

export type MoBulkUploadQueryVariables = Exact<{
  id: string | number;
}>;


export type MoBulkUploadQuery = { moneyOrderBulkUpload: { id: string, status: MoneyOrderBulkStatus, mode: MoneyOrderBulkMode, officeCode: string, fileName: string, totalRows: number, processedRows: number, bookedCount: number, rejectedCount: number, createdAt: string, finishedAt: string | null, rejections: Array<{ row: number, code: string, message: string }>, bookedAmount: { amount: string, currency: string } } | null };

export type MoBulkRejectionReportQueryVariables = Exact<{
  id: string | number;
}>;


export type MoBulkRejectionReportQuery = { moneyOrderBulkUpload: { id: string, fileName: string, rejectionReportCsv: string } | null };

export type MoCounterOrderQueryVariables = Exact<{
  reference: string | number;
}>;


export type MoCounterOrderQuery = { moneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, sender: { name: string, phone: string }, payee: { name: string, phone: string }, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } | null };

export type MoStopMutationVariables = Exact<{
  reference: string | number;
  reason: string;
}>;


export type MoStopMutation = { stopMoneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoReturnMutationVariables = Exact<{
  reference: string | number;
  reason: string;
}>;


export type MoReturnMutation = { returnMoneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoRefundMutationVariables = Exact<{
  input: RefundMoneyOrderInput;
}>;


export type MoRefundMutation = { refundMoneyOrder: { order: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } }, approvalRequest: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } | null } };

export type MoLockMutationVariables = Exact<{
  reference: string | number;
  reason: string;
}>;


export type MoLockMutation = { lockMoneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoReleaseMutationVariables = Exact<{
  reference: string | number;
  reason: string;
}>;


export type MoReleaseMutation = { releaseMoneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoDayAccountQueryVariables = Exact<{
  officeCode: string | number;
  date?: string | null | undefined;
}>;


export type MoDayAccountQuery = { office: { code: string, name: string, moneyOrderSummary: { date: string, bookedCount: number, paidCount: number, refundedCount: number, bookedAmount: { amount: string, currency: string }, paidAmount: { amount: string, currency: string }, refundedAmount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string } } } | null };

export type MoLedgerEntriesQueryVariables = Exact<{
  reference: string | number;
}>;


export type MoLedgerEntriesQuery = { moneyOrder: { reference: string, ledgerEntries: Array<{ id: string, sequence: string, officeCode: string, effectiveDate: string, description: string, postedAt: string, postings: Array<{ line: number, accountCode: string, side: PostingSide, amount: { amount: string, currency: string } }> }> } | null };

export type MoListQueryVariables = Exact<{
  filter?: MoneyOrderFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MoListQuery = { moneyOrders: { edges: Array<{ node: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, bookingOfficeCode: string, payingOfficeCode: string, bookedOn: string, paidAt: string | null, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, sender: { name: string, phone: string }, payee: { name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MoOrderFieldsFragment = { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } };

export type MoOrderQueryVariables = Exact<{
  reference: string | number;
}>;


export type MoOrderQuery = { moneyOrder: { message: string | null, reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, sender: { name: string, phone: string, address: string, idDocument: string | null }, payee: { name: string, phone: string, address: string, idDocument: string | null }, timeline: Array<{ from: MoneyOrderStatus | null, to: MoneyOrderStatus, actor: string, officeCode: string | null, at: string, reason: string | null }>, ledgerMovements: Array<{ movement: string, status: MoneyOrderLedgerStatus, rejection: string | null, at: string }>, receipt: { text: string }, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } | null };

export type MoPayMutationVariables = Exact<{
  input: PayMoneyOrderInput;
}>;


export type MoPayMutation = { payMoneyOrder: { reference: string, product: MoneyOrderProduct, status: MoneyOrderStatus, tariffVersion: string, paymentMode: MoneyOrderPaymentMode, bookingOfficeCode: string, payingOfficeCode: string, settledAtOfficeCode: string | null, bookedOn: string, expiresOn: string, bookedAt: string, paidAt: string | null, lockReason: string | null, failedCodeAttempts: number, codeResendsLeft: number, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoQuoteQueryVariables = Exact<{
  amount: string;
  product?: MoneyOrderProduct | null | undefined;
}>;


export type MoQuoteQuery = { moneyOrderQuote: { product: MoneyOrderProduct, tariffVersion: string, amount: { amount: string, currency: string }, commission: { amount: string, currency: string }, tax: { amount: string, currency: string }, total: { amount: string, currency: string } } };

export type MoReconciliationQueryVariables = Exact<{
  asOf: string;
  officeCode: string | number;
}>;


export type MoReconciliationQuery = { moneyOrderReconciliation: { asOf: string, officeCode: string, outstandingCount: number, inFlightCount: number, ledgerBalance: { amount: string, currency: string }, outstandingAmount: { amount: string, currency: string }, difference: { amount: string, currency: string }, items: Array<{ reference: string, status: MoneyOrderStatus, reason: string, amount: { amount: string, currency: string } }> } };

export type MoResendCodeMutationVariables = Exact<{
  reference: string | number;
}>;


export type MoResendCodeMutation = { resendMoneyOrderCode: { channel: string, to: string, expiresAt: string, resendsLeft: number } };

export type MoTariffsQueryVariables = Exact<{
  product?: MoneyOrderProduct | null | undefined;
}>;


export type MoTariffsQuery = { moneyOrderTariffs: Array<{ id: string, product: MoneyOrderProduct, currency: string, effectiveFrom: string, effectiveTo: string | null, minAmount: string, maxAmount: string, wholeUnitsOnly: boolean, rule: string, taxRatePercent: string }>, moneyOrderLimits: Array<{ kind: string, product: MoneyOrderProduct, effectiveFrom: string, effectiveTo: string | null, amount: { amount: string, currency: string } }> };

export type MoProposeTariffMutationVariables = Exact<{
  input: MoneyOrderTariffInput;
}>;


export type MoProposeTariffMutation = { proposeMoneyOrderTariff: { id: string, kind: ApprovalKind, status: ApprovalStatus, summary: string, createdAt: string, expiresAt: string } };

export type MoTrackingFieldsFragment = { reference: string, status: MoneyOrderStatus, bookedOn: string, expiresOn: string, settledOn: string | null, stoppable: boolean };

export type MoTrackQueryVariables = Exact<{
  reference: string | number;
  senderPhone: string;
}>;


export type MoTrackQuery = { trackMoneyOrder: { reference: string, status: MoneyOrderStatus, bookedOn: string, expiresOn: string, settledOn: string | null, stoppable: boolean } | null };

export type MoRequestStopCodeMutationVariables = Exact<{
  reference: string | number;
  senderPhone: string;
}>;


export type MoRequestStopCodeMutation = { requestMoneyOrderStopCode: boolean };

export type MoStopAsSenderMutationVariables = Exact<{
  reference: string | number;
  senderPhone: string;
  code: string;
  reason: string;
}>;


export type MoStopAsSenderMutation = { stopMoneyOrderAsSender: { reference: string, status: MoneyOrderStatus, bookedOn: string, expiresOn: string, settledOn: string | null, stoppable: boolean } };

export type OfficeCloseMutationVariables = Exact<{
  code: string | number;
  closedOn: string;
}>;


export type OfficeCloseMutation = { closeOffice: { code: string, status: OfficeStatus, closedOn: string | null } };

export type OfficeCreateMutationVariables = Exact<{
  input: CreateOfficeInput;
}>;


export type OfficeCreateMutation = { createOffice: { code: string, name: string, parent: { code: string } | null } };

export type OfficeDetailQueryVariables = Exact<{
  code: string | number;
  withLedger: boolean;
  withStaff: boolean;
  staffFirst?: number | null | undefined;
}>;


export type OfficeDetailQuery = { office: { code: string, name: string, type: OfficeType, status: OfficeStatus, pin: string | null, openedOn: string, closedOn: string | null, closedThrough?: string | null, address: { line1: string, line2: string | null, city: string, district: string | null, state: string } | null, contact: { phone: string | null, email: string | null }, deliveryShifts: { morning: boolean, evening: boolean, sundays: boolean, holidays: boolean }, parent: { code: string, name: string, type: OfficeType } | null, accountOffice: { code: string, name: string } | null, ancestors: Array<{ code: string, name: string }>, children: { edges: Array<{ node: { code: string } }> }, ledgerAccounts?: Array<{ code: string, name: string, type: AccountType, status: AccountStatus, currency: string | null, balance: { amount: string, currency: string } | null, available: { amount: string, currency: string } | null }> } | null, businessDayCloses?: Array<{ businessDate: string, previousDate: string | null, closedAt: string, closedBy: { kind: string, id: string, username: string | null } }>, staffMembers?: { edges: Array<{ node: { id: string, employeeId: string, username: string, name: string, roles: Array<Role>, status: StaffStatus } }>, pageInfo: { hasNextPage: boolean } } };

export type OfficeMoveMutationVariables = Exact<{
  code: string | number;
  newParentCode: string | number;
  accountOfficeCode?: string | number | null | undefined;
}>;


export type OfficeMoveMutation = { moveOffice: { code: string, parent: { code: string, name: string } | null, accountOffice: { code: string, name: string } | null } };

export type OfficeRenameMutationVariables = Exact<{
  code: string | number;
  name: string;
}>;


export type OfficeRenameMutation = { renameOffice: { code: string, name: string } };

export type OfficeUpdateMutationVariables = Exact<{
  code: string | number;
  input: UpdateOfficeInput;
}>;


export type OfficeUpdateMutation = { updateOffice: { code: string, pin: string | null, address: { line1: string, line2: string | null, city: string, district: string | null, state: string } | null, contact: { phone: string | null, email: string | null }, deliveryShifts: { morning: boolean, evening: boolean, sundays: boolean, holidays: boolean }, accountOffice: { code: string, name: string } | null } };

export type OfficesSearchQueryVariables = Exact<{
  filter?: OfficeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OfficesSearchQuery = { offices: { edges: Array<{ node: { code: string, name: string, type: OfficeType, status: OfficeStatus, pin: string | null, openedOn: string, closedOn: string | null, address: { city: string, district: string | null, state: string } | null, parent: { code: string, name: string } | null, accountOffice: { code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OfficesTreeChildrenQueryVariables = Exact<{
  code: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OfficesTreeChildrenQuery = { office: { code: string, children: { edges: Array<{ node: { code: string, name: string, type: OfficeType, status: OfficeStatus, children: { edges: Array<{ node: { code: string } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type OfficesTreeRootQueryVariables = Exact<{
  code: string | number;
}>;


export type OfficesTreeRootQuery = { office: { code: string, name: string, type: OfficeType, status: OfficeStatus, children: { edges: Array<{ node: { code: string } }> } } | null };

export type ReconBankAccountFieldsFragment = { id: string, name: string, accountNumber: string, isIban: boolean, bic: string | null, ifsc: string | null, currency: string, purpose: BankAccountPurpose, officeCode: string, ledgerAccountCode: string };

export type ReconStatementFieldsFragment = { id: string, importId: string, statementId: string, format: BankStatementFormat, version: string | null, currency: string, openingDate: string | null, closingDate: string | null, fromDate: string | null, toDate: string | null, lineCount: number, creditCount: number, debitCount: number, alreadyImported: boolean, importedAt: string, openingBalance: { amount: string, currency: string } | null, closingBalance: { amount: string, currency: string } | null, creditTotal: { amount: string, currency: string }, debitTotal: { amount: string, currency: string } };

export type ReconImportFieldsFragment = { id: string, fileName: string, fileHash: string, fileSize: number, format: BankStatementFormat | null, status: BankStatementImportStatus, progressPercent: number, alreadyImportedCount: number, importedBy: string, createdAt: string, finishedAt: string | null, bankAccount: { id: string, name: string, accountNumber: string }, error: { code: string, message: string, line: number | null, element: string | null } | null };

export type ReconBankAccountsQueryVariables = Exact<{
  filter?: BankAccountFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReconBankAccountsQuery = { bankAccounts: { edges: Array<{ node: { id: string, name: string, accountNumber: string, isIban: boolean, bic: string | null, ifsc: string | null, currency: string, purpose: BankAccountPurpose, officeCode: string, ledgerAccountCode: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReconBankAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type ReconBankAccountQuery = { bankAccount: { csvMapping: string | null, registeredBy: string, registeredAt: string, id: string, name: string, accountNumber: string, isIban: boolean, bic: string | null, ifsc: string | null, currency: string, purpose: BankAccountPurpose, officeCode: string, ledgerAccountCode: string } | null };

export type ReconRegisterBankAccountMutationVariables = Exact<{
  input: RegisterBankAccountInput;
}>;


export type ReconRegisterBankAccountMutation = { registerBankAccount: { id: string, name: string, accountNumber: string, isIban: boolean, bic: string | null, ifsc: string | null, currency: string, purpose: BankAccountPurpose, officeCode: string, ledgerAccountCode: string } };

export type ReconSetCsvMappingMutationVariables = Exact<{
  bankAccountId: string | number;
  mapping?: string | null | undefined;
}>;


export type ReconSetCsvMappingMutation = { setBankCsvMapping: { id: string, csvMapping: string | null } };

export type ReconImportQueryVariables = Exact<{
  id: string | number;
}>;


export type ReconImportQuery = { bankStatementImport: { id: string, fileName: string, fileHash: string, fileSize: number, format: BankStatementFormat | null, status: BankStatementImportStatus, progressPercent: number, alreadyImportedCount: number, importedBy: string, createdAt: string, finishedAt: string | null, statements: Array<{ id: string, importId: string, statementId: string, format: BankStatementFormat, version: string | null, currency: string, openingDate: string | null, closingDate: string | null, fromDate: string | null, toDate: string | null, lineCount: number, creditCount: number, debitCount: number, alreadyImported: boolean, importedAt: string, openingBalance: { amount: string, currency: string } | null, closingBalance: { amount: string, currency: string } | null, creditTotal: { amount: string, currency: string }, debitTotal: { amount: string, currency: string } }>, bankAccount: { id: string, name: string, accountNumber: string }, error: { code: string, message: string, line: number | null, element: string | null } | null } | null };

export type ReconImportsQueryVariables = Exact<{
  bankAccountId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReconImportsQuery = { bankStatementImports: { edges: Array<{ node: { id: string, fileName: string, fileHash: string, fileSize: number, format: BankStatementFormat | null, status: BankStatementImportStatus, progressPercent: number, alreadyImportedCount: number, importedBy: string, createdAt: string, finishedAt: string | null, bankAccount: { id: string, name: string, accountNumber: string }, error: { code: string, message: string, line: number | null, element: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReconStatementsQueryVariables = Exact<{
  filter?: BankStatementFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReconStatementsQuery = { bankStatements: { edges: Array<{ node: { id: string, importId: string, statementId: string, format: BankStatementFormat, version: string | null, currency: string, openingDate: string | null, closingDate: string | null, fromDate: string | null, toDate: string | null, lineCount: number, creditCount: number, debitCount: number, alreadyImported: boolean, importedAt: string, bankAccount: { id: string, name: string, accountNumber: string }, openingBalance: { amount: string, currency: string } | null, closingBalance: { amount: string, currency: string } | null, creditTotal: { amount: string, currency: string }, debitTotal: { amount: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReconStatementQueryVariables = Exact<{
  id: string | number;
}>;


export type ReconStatementQuery = { bankStatement: { messageId: string | null, sequenceNumber: string | null, id: string, importId: string, statementId: string, format: BankStatementFormat, version: string | null, currency: string, openingDate: string | null, closingDate: string | null, fromDate: string | null, toDate: string | null, lineCount: number, creditCount: number, debitCount: number, alreadyImported: boolean, importedAt: string, bankAccount: { id: string, name: string, accountNumber: string }, balances: Array<{ type: string, date: string, amount: { amount: string, currency: string } }>, openingBalance: { amount: string, currency: string } | null, closingBalance: { amount: string, currency: string } | null, creditTotal: { amount: string, currency: string }, debitTotal: { amount: string, currency: string } } | null };

export type ReconReferencesFragment = { endToEndId: string | null, accountServicerReference: string | null, ownerReference: string | null, paymentInformationId: string | null, utr: string | null, mandateId: string | null, transactionId: string | null, creditorReference: string | null };

export type ReconStatementLinesQueryVariables = Exact<{
  id: string | number;
  direction?: BankLineDirection | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReconStatementLinesQuery = { bankStatement: { id: string, lines: { edges: Array<{ node: { id: string, index: number, direction: BankLineDirection, reversal: boolean, bookingDate: string | null, valueDate: string | null, status: string | null, transactionCode: string | null, remittanceInformation: string | null, transactionCount: number | null, amount: { amount: string, currency: string }, references: { endToEndId: string | null, accountServicerReference: string | null, ownerReference: string | null, paymentInformationId: string | null, utr: string | null, mandateId: string | null, transactionId: string | null, creditorReference: string | null }, counterparty: { name: string | null, iban: string | null, account: string | null, bic: string | null } | null, transactions: Array<{ direction: BankLineDirection | null, remittanceInformation: string | null, amount: { amount: string, currency: string } | null, references: { endToEndId: string | null, accountServicerReference: string | null, ownerReference: string | null, paymentInformationId: string | null, utr: string | null, mandateId: string | null, transactionId: string | null, creditorReference: string | null }, counterparty: { name: string | null, iban: string | null, account: string | null, bic: string | null } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ReconStatementLinesCsvQueryVariables = Exact<{
  id: string | number;
}>;


export type ReconStatementLinesCsvQuery = { bankStatement: { id: string, statementId: string, linesCsv: string } | null };

export type StaffAssignMutationVariables = Exact<{
  id: string | number;
  officeCode: string | number;
}>;


export type StaffAssignMutation = { assignStaff: { id: string, office: { code: string, name: string } } };

export type StaffCreateMutationVariables = Exact<{
  input: CreateStaffInput;
}>;


export type StaffCreateMutation = { createStaff: { staff: { id: string, username: string, name: string }, temporaryPasswordSentTo: { channel: NotificationChannel, address: string } } };

export type StaffDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type StaffDetailQuery = { staff: { id: string, employeeId: string, username: string, name: string, mobile: string | null, email: string | null, status: StaffStatus, suspendedAt: string | null, suspensionReason: string | null, leftOn: string | null, lastLoginAt: string | null, lockedUntil: string | null, mustChangePassword: boolean, roles: Array<Role>, billerCode: string | null, grants: Array<{ permission: string, scope: GrantScope }>, office: { code: string, name: string, type: OfficeType }, assignments: Array<{ officeCode: string, from: string, to: string | null, office: { code: string, name: string } | null, assignedBy: { id: string, username: string, name: string } | null }> } | null };

export type StaffGrantRoleMutationVariables = Exact<{
  input: GrantRoleInput;
}>;


export type StaffGrantRoleMutation = { grantRole: { id: string, status: ApprovalStatus, summary: string, expiresAt: string } };

export type StaffListQueryVariables = Exact<{
  filter?: StaffFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffListQuery = { staffMembers: { edges: Array<{ node: { id: string, employeeId: string, username: string, name: string, status: StaffStatus, roles: Array<Role>, lastLoginAt: string | null, grants: Array<{ permission: string, scope: GrantScope }>, office: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StaffMarkLeftMutationVariables = Exact<{
  id: string | number;
  leftOn: string;
}>;


export type StaffMarkLeftMutation = { markStaffLeft: { id: string, status: StaffStatus, leftOn: string | null } };

export type StaffOfficeLookupQueryVariables = Exact<{
  code: string | number;
}>;


export type StaffOfficeLookupQuery = { office: { code: string, name: string, type: OfficeType, status: OfficeStatus } | null };

export type StaffPendingGrantsQueryVariables = Exact<{
  staffId: string | number;
}>;


export type StaffPendingGrantsQuery = { approvalRequests: { edges: Array<{ node: { id: string, summary: string, payload: Record<string, unknown>, createdAt: string, expiresAt: string, maker: { username: string } } }> } };

export type StaffReinstateMutationVariables = Exact<{
  id: string | number;
}>;


export type StaffReinstateMutation = { reinstateStaff: { id: string, status: StaffStatus } };

export type StaffResetPasswordMutationVariables = Exact<{
  id: string | number;
}>;


export type StaffResetPasswordMutation = { resetPassword: { staff: { id: string, mustChangePassword: boolean, lockedUntil: string | null }, temporaryPasswordSentTo: { channel: NotificationChannel, address: string } } };

export type StaffRevokeRoleMutationVariables = Exact<{
  input: RevokeRoleInput;
}>;


export type StaffRevokeRoleMutation = { revokeRole: { id: string, roles: Array<Role> } };

export type StaffSuspendMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type StaffSuspendMutation = { suspendStaff: { id: string, status: StaffStatus, suspensionReason: string | null } };

export type StaffUpdateMutationVariables = Exact<{
  id: string | number;
  input: UpdateStaffInput;
}>;


export type StaffUpdateMutation = { updateStaff: { id: string, name: string, mobile: string | null, email: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, name: string, employeeId: string, roles: Array<Role>, billerCode: string | null, status: StaffStatus, mustChangePassword: boolean, office: { code: string, name: string, type: OfficeType }, grants: Array<{ permission: string, scope: GrantScope }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CodArticleRowFragmentDoc = new TypedDocumentString(`
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}
    `, {"fragmentName":"CodArticleRow"}) as unknown as TypedDocumentString<CodArticleRowFragment, unknown>;
export const CodBillerBankAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodBillerBankAccountFields on BillerBankAccount {
  id
  holderName
  accountNumber
  accountNumberMasked
  ifsc
  status
  activatedOn
  reason
  requestedBy
  requestedAt
  approvalRequest {
    id
  }
}
    `, {"fragmentName":"CodBillerBankAccountFields"}) as unknown as TypedDocumentString<CodBillerBankAccountFieldsFragment, unknown>;
export const CodContractFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodContractFields on BillerContract {
  id
  version
  effectiveFrom
  feeSource
  settlementCycleDays
  payoutWeekdays
  earlySettlement {
    days
    feePercent
  }
  maxArticleAmount {
    amount
    currency
  }
  disputeWindowDays
  bankDetailsHoldDays
  holidayCalendar
  feeRule {
    kind
    threshold
    percentUpToThreshold
    minimumFee
    baseAboveThreshold
    percentOfExcess
  }
  taxes {
    name
    percent
  }
  createdBy
  createdAt
}
    `, {"fragmentName":"CodContractFields"}) as unknown as TypedDocumentString<CodContractFieldsFragment, unknown>;
export const CodDepositFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodDepositFields on CodPostmanDeposit {
  id
  officeCode
  postmanId
  businessDate
  expected {
    amount
    currency
  }
  deposited {
    amount
    currency
  }
  shortage {
    amount
    currency
  }
  excess {
    amount
    currency
  }
  reason
  collectionCount
  depositedBy
  depositedAt
}
    `, {"fragmentName":"CodDepositFields"}) as unknown as TypedDocumentString<CodDepositFieldsFragment, unknown>;
export const CodManifestFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodManifestFields on CodManifest {
  id
  fileName
  billerCode
  status
  totalRows
  processedRows
  progressPercent
  registeredCount
  alreadyRegisteredCount
  rejectedCount
  failure
  uploadedBy
  createdAt
  finishedAt
}
    `, {"fragmentName":"CodManifestFields"}) as unknown as TypedDocumentString<CodManifestFieldsFragment, unknown>;
export const CodBatchFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}
    `, {"fragmentName":"CodBatchFields"}) as unknown as TypedDocumentString<CodBatchFieldsFragment, unknown>;
export const CodDisputeFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodDisputeFields on CodDispute {
  id
  articleNumber
  billerCode
  kind
  status
  claimedAmount {
    amount
    currency
  }
  adjustmentAmount {
    amount
    currency
  }
  note
  resolutionNote
  raisedOn
  raisedAt
  resolvedOn
}
    `, {"fragmentName":"CodDisputeFields"}) as unknown as TypedDocumentString<CodDisputeFieldsFragment, unknown>;
export const LedgerEntrySummaryFragmentDoc = new TypedDocumentString(`
    fragment LedgerEntrySummary on JournalEntry {
  id
  sequence
  officeCode
  effectiveDate
  description
  source {
    type
    reference
  }
}
    `, {"fragmentName":"LedgerEntrySummary"}) as unknown as TypedDocumentString<LedgerEntrySummaryFragment, unknown>;
export const MoBulkFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoBulkFields on MoneyOrderBulkUpload {
  id
  status
  mode
  officeCode
  fileName
  totalRows
  processedRows
  bookedCount
  rejectedCount
  bookedAmount {
    amount
    currency
  }
  createdAt
  finishedAt
}
    `, {"fragmentName":"MoBulkFields"}) as unknown as TypedDocumentString<MoBulkFieldsFragment, unknown>;
export const MoOrderFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}
    `, {"fragmentName":"MoOrderFields"}) as unknown as TypedDocumentString<MoOrderFieldsFragment, unknown>;
export const MoTrackingFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoTrackingFields on MoneyOrderTracking {
  reference
  status
  bookedOn
  expiresOn
  settledOn
  stoppable
}
    `, {"fragmentName":"MoTrackingFields"}) as unknown as TypedDocumentString<MoTrackingFieldsFragment, unknown>;
export const ReconBankAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReconBankAccountFields on BankAccount {
  id
  name
  accountNumber
  isIban
  bic
  ifsc
  currency
  purpose
  officeCode
  ledgerAccountCode
}
    `, {"fragmentName":"ReconBankAccountFields"}) as unknown as TypedDocumentString<ReconBankAccountFieldsFragment, unknown>;
export const ReconStatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReconStatementFields on BankStatement {
  id
  importId
  statementId
  format
  version
  currency
  openingBalance {
    amount
    currency
  }
  openingDate
  closingBalance {
    amount
    currency
  }
  closingDate
  fromDate
  toDate
  lineCount
  creditCount
  debitCount
  creditTotal {
    amount
    currency
  }
  debitTotal {
    amount
    currency
  }
  alreadyImported
  importedAt
}
    `, {"fragmentName":"ReconStatementFields"}) as unknown as TypedDocumentString<ReconStatementFieldsFragment, unknown>;
export const ReconImportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReconImportFields on BankStatementImport {
  id
  fileName
  fileHash
  fileSize
  format
  status
  progressPercent
  alreadyImportedCount
  importedBy
  createdAt
  finishedAt
  bankAccount {
    id
    name
    accountNumber
  }
  error {
    code
    message
    line
    element
  }
}
    `, {"fragmentName":"ReconImportFields"}) as unknown as TypedDocumentString<ReconImportFieldsFragment, unknown>;
export const ReconReferencesFragmentDoc = new TypedDocumentString(`
    fragment ReconReferences on BankLineReferences {
  endToEndId
  accountServicerReference
  ownerReference
  paymentInformationId
  utr
  mandateId
  transactionId
  creditorReference
}
    `, {"fragmentName":"ReconReferences"}) as unknown as TypedDocumentString<ReconReferencesFragment, unknown>;
export const ApprovalApproveDocument = new TypedDocumentString(`
    mutation ApprovalApprove($id: ID!, $comment: String) {
  approve(id: $id, comment: $comment) {
    id
    status
    comment
    decidedAt
    checker {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalApproveMutation, ApprovalApproveMutationVariables>;
export const ApprovalDetailDocument = new TypedDocumentString(`
    query ApprovalDetail($id: ID!) {
  approvalRequest(id: $id) {
    id
    kind
    subgraph
    status
    summary
    payload
    payloadHash
    officeCode
    office {
      code
      name
    }
    maker {
      id
      username
      staff {
        id
        name
        employeeId
      }
    }
    checker {
      id
      username
      staff {
        id
        name
        employeeId
      }
    }
    reason
    comment
    result
    createdAt
    decidedAt
    executedAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ApprovalDetailQuery, ApprovalDetailQueryVariables>;
export const ApprovalGrantPersonDocument = new TypedDocumentString(`
    query ApprovalGrantPerson($id: ID!) {
  staff(id: $id) {
    id
    name
    username
    employeeId
    status
    roles
    office {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalGrantPersonQuery, ApprovalGrantPersonQueryVariables>;
export const ApprovalJournalAccountsDocument = new TypedDocumentString(`
    query ApprovalJournalAccounts($codes: [ID!]!) {
  accounts(filter: {codes: $codes}, first: 100) {
    edges {
      node {
        code
        name
        currency
        status
        allowManualEntries
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalJournalAccountsQuery, ApprovalJournalAccountsQueryVariables>;
export const ApprovalRejectDocument = new TypedDocumentString(`
    mutation ApprovalReject($id: ID!, $reason: String!) {
  reject(id: $id, reason: $reason) {
    id
    status
    reason
    decidedAt
    checker {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalRejectMutation, ApprovalRejectMutationVariables>;
export const ApprovalReversedEntryDocument = new TypedDocumentString(`
    query ApprovalReversedEntry($id: ID!) {
  journalEntry(id: $id) {
    id
    sequence
    officeCode
    effectiveDate
    description
    source {
      type
      reference
    }
    postedAt
    reversedBy {
      id
    }
    postings {
      line
      accountCode
      account {
        code
        name
      }
      side
      amount {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalReversedEntryQuery, ApprovalReversedEntryQueryVariables>;
export const ApprovalsListDocument = new TypedDocumentString(`
    query ApprovalsList($filter: ApprovalRequestFilter, $first: Int, $after: String) {
  approvalRequests(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        kind
        status
        summary
        officeCode
        maker {
          id
          username
        }
        checker {
          id
          username
        }
        createdAt
        decidedAt
        expiresAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalsListQuery, ApprovalsListQueryVariables>;
export const AuditRecordDocument = new TypedDocumentString(`
    query AuditRecord($id: ID!) {
  auditRecord(id: $id) {
    id
    eventId
    source
    occurredAt
    recordedAt
    action
    outcome
    actor {
      kind
      id
      username
      roles
      officeCode
    }
    officeCode
    target {
      type
      id
    }
    reason
    before
    after
    changes {
      field
      before
      after
    }
    requestId
    clientAddress
    seal {
      position
      hash
      previousHash
      sealedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditRecordQuery, AuditRecordQueryVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        occurredAt
        action
        outcome
        source
        actor {
          kind
          id
          username
        }
        officeCode
        target {
          type
          id
        }
        reason
        seal {
          position
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const AuditVerifyDocument = new TypedDocumentString(`
    query AuditVerify($from: DateTime, $to: DateTime) {
  verifyAuditTrail(from: $from, to: $to) {
    ok
    checked
    unsealed
    firstBrokenRecord {
      id
      position
      reason
    }
    sealedUpTo {
      position
      hash
      sealedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditVerifyQuery, AuditVerifyQueryVariables>;
export const BillerHomeDocument = new TypedDocumentString(`
    query BillerHome($code: String!) {
  billerByCode(code: $code) {
    id
    code
    name
    status
    bankAccount {
      id
      holderName
      accountNumber
      accountNumberMasked
      ifsc
    }
    pendingBankChange {
      id
    }
    contract {
      id
      version
      settlementCycleDays
      payoutWeekdays
      disputeWindowDays
      earlySettlement {
        days
        feePercent
      }
      maxArticleAmount {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BillerHomeQuery, BillerHomeQueryVariables>;
export const BillerSummaryDocument = new TypedDocumentString(`
    query BillerSummary($id: ID!, $first: Int, $after: String) {
  biller(id: $id) {
    id
    codSummary {
      available {
        amount
        currency
      }
      pending {
        amount
        currency
      }
      initiated {
        amount
        currency
      }
      lastRemitted {
        date
        amount {
          amount
          currency
        }
        utr
      }
      remittedLast30Days {
        amount
        currency
      }
      reversals {
        amount
        currency
      }
      reversalCount
      averageDaysToRemittance
      p95DaysToRemittance
    }
    remittances(first: $first, after: $after) {
      edges {
        node {
          payoutId
          batchReference
          status
          amount {
            amount
            currency
          }
          utr
          releasedOn
          outcomeOn
          articleCount
          articleNumbers
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BillerSummaryQuery, BillerSummaryQueryVariables>;
export const BillerRemittancesCsvDocument = new TypedDocumentString(`
    query BillerRemittancesCsv($id: ID!) {
  biller(id: $id) {
    id
    code
    remittancesCsv
  }
}
    `) as unknown as TypedDocumentString<BillerRemittancesCsvQuery, BillerRemittancesCsvQueryVariables>;
export const CodArticlesDocument = new TypedDocumentString(`
    query CodArticles($filter: CodArticleFilter, $first: Int, $after: String) {
  codArticles(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...CodArticleRow
        collection {
          amount {
            amount
            currency
          }
          mode
          paymentReference
          differs
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodArticlesQuery, CodArticlesQueryVariables>;
export const CodArticleDocument = new TypedDocumentString(`
    query CodArticle($articleNumber: ID!) {
  codArticle(articleNumber: $articleNumber) {
    ...CodArticleRow
    manifestId
    registeredBy
    registeredAt
    timeline {
      type
      fromStatus
      toStatus
      officeCode
      businessDate
      postmanId
      beat
      reason
      claimReference
      actor
      occurredAt
    }
    collection {
      amount {
        amount
        currency
      }
      mode
      paymentReference
      podReference
      differs
      postmanId
      beat
      officeCode
      businessDate
      collectedAt
      depositId
      clearedOn
      clearedReference
      dueFrom
    }
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodArticleQuery, CodArticleQueryVariables>;
export const CodMarkOutForDeliveryDocument = new TypedDocumentString(`
    mutation CodMarkOutForDelivery($articleNumber: ID!, $input: MarkOutForDeliveryInput!) {
  markOutForDelivery(articleNumber: $articleNumber, input: $input) {
    ...CodArticleRow
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodMarkOutForDeliveryMutation, CodMarkOutForDeliveryMutationVariables>;
export const CodRecordDeliveryDocument = new TypedDocumentString(`
    mutation CodRecordDelivery($articleNumber: ID!, $input: RecordDeliveryInput!) {
  recordDelivery(articleNumber: $articleNumber, input: $input) {
    ...CodArticleRow
    collection {
      amount {
        amount
        currency
      }
      mode
      differs
    }
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodRecordDeliveryMutation, CodRecordDeliveryMutationVariables>;
export const CodRecordDeliveryFailureDocument = new TypedDocumentString(`
    mutation CodRecordDeliveryFailure($articleNumber: ID!, $reason: String!) {
  recordDeliveryFailure(articleNumber: $articleNumber, reason: $reason) {
    ...CodArticleRow
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodRecordDeliveryFailureMutation, CodRecordDeliveryFailureMutationVariables>;
export const CodMarkReturnedToOriginDocument = new TypedDocumentString(`
    mutation CodMarkReturnedToOrigin($articleNumber: ID!, $reason: String!) {
  markReturnedToOrigin(articleNumber: $articleNumber, reason: $reason) {
    ...CodArticleRow
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodMarkReturnedToOriginMutation, CodMarkReturnedToOriginMutationVariables>;
export const CodRegisterArticleDocument = new TypedDocumentString(`
    mutation CodRegisterArticle($input: RegisterCodArticleInput!) {
  registerCodArticle(input: $input) {
    ...CodArticleRow
    registeredAt
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodRegisterArticleMutation, CodRegisterArticleMutationVariables>;
export const CodMarkLostOrDamagedDocument = new TypedDocumentString(`
    mutation CodMarkLostOrDamaged($articleNumber: ID!, $input: MarkLostOrDamagedInput!) {
  markLostOrDamaged(articleNumber: $articleNumber, input: $input) {
    ...CodArticleRow
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodMarkLostOrDamagedMutation, CodMarkLostOrDamagedMutationVariables>;
export const CodClearDigitalCollectionsDocument = new TypedDocumentString(`
    mutation CodClearDigitalCollections($input: ClearDigitalCollectionsInput!) {
  clearDigitalCollections(input: $input) {
    reference
    billers {
      billerCode
      amount {
        amount
        currency
      }
      articleCount
    }
  }
}
    `) as unknown as TypedDocumentString<CodClearDigitalCollectionsMutation, CodClearDigitalCollectionsMutationVariables>;
export const CodPostmanDaySheetDocument = new TypedDocumentString(`
    query CodPostmanDaySheet($officeCode: ID!, $postmanId: ID!, $date: Date!) {
  postmanDaySheet(officeCode: $officeCode, postmanId: $postmanId, date: $date) {
    officeCode
    postmanId
    date
    outForDelivery {
      ...CodArticleRow
    }
    delivered {
      ...CodArticleRow
      collection {
        amount {
          amount
          currency
        }
        mode
        paymentReference
        differs
      }
    }
    failed {
      ...CodArticleRow
    }
    cashCollected {
      amount
      currency
    }
    digitalCollected {
      amount
      currency
    }
    cashExpected {
      amount
      currency
    }
  }
}
    fragment CodArticleRow on CodArticle {
  id
  articleNumber
  billerCode
  codAmount {
    amount
    currency
  }
  bookingOfficeCode
  deliveryOfficeCode
  status
  bookedOn
  deliveredOn
}`) as unknown as TypedDocumentString<CodPostmanDaySheetQuery, CodPostmanDaySheetQueryVariables>;
export const CodBillersDocument = new TypedDocumentString(`
    query CodBillers($filter: BillerFilter, $first: Int, $after: String) {
  billers(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        code
        name
        type
        gstin
        status
        settlementOfficeCode
        contact {
          name
          email
          phone
        }
        bankAccount {
          id
          accountNumber
          ifsc
        }
        pendingBankChange {
          id
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<CodBillersQuery, CodBillersQueryVariables>;
export const CodBillerDocument = new TypedDocumentString(`
    query CodBiller($id: ID!) {
  biller(id: $id) {
    id
    code
    name
    type
    gstin
    status
    version
    currency
    settlementOfficeCode
    createdAt
    contact {
      name
      email
      phone
    }
    bankAccount {
      ...CodBillerBankAccountFields
    }
    pendingBankChange {
      ...CodBillerBankAccountFields
    }
    bankAccounts {
      ...CodBillerBankAccountFields
    }
    contract {
      ...CodContractFields
    }
    contracts {
      ...CodContractFields
    }
  }
}
    fragment CodBillerBankAccountFields on BillerBankAccount {
  id
  holderName
  accountNumber
  accountNumberMasked
  ifsc
  status
  activatedOn
  reason
  requestedBy
  requestedAt
  approvalRequest {
    id
  }
}
fragment CodContractFields on BillerContract {
  id
  version
  effectiveFrom
  feeSource
  settlementCycleDays
  payoutWeekdays
  earlySettlement {
    days
    feePercent
  }
  maxArticleAmount {
    amount
    currency
  }
  disputeWindowDays
  bankDetailsHoldDays
  holidayCalendar
  feeRule {
    kind
    threshold
    percentUpToThreshold
    minimumFee
    baseAboveThreshold
    percentOfExcess
  }
  taxes {
    name
    percent
  }
  createdBy
  createdAt
}`) as unknown as TypedDocumentString<CodBillerQuery, CodBillerQueryVariables>;
export const CodRegisterBillerDocument = new TypedDocumentString(`
    mutation CodRegisterBiller($input: RegisterBillerInput!) {
  registerBiller(input: $input) {
    id
    code
    name
  }
}
    `) as unknown as TypedDocumentString<CodRegisterBillerMutation, CodRegisterBillerMutationVariables>;
export const CodUpdateBillerDocument = new TypedDocumentString(`
    mutation CodUpdateBiller($id: ID!, $input: UpdateBillerInput!, $expectedVersion: Int!) {
  updateBiller(id: $id, input: $input, expectedVersion: $expectedVersion) {
    id
    status
    version
    name
  }
}
    `) as unknown as TypedDocumentString<CodUpdateBillerMutation, CodUpdateBillerMutationVariables>;
export const CodRequestBankChangeDocument = new TypedDocumentString(`
    mutation CodRequestBankChange($billerId: ID!, $bankAccount: BillerBankAccountInput!, $reason: String!) {
  requestBillerBankChange(
    billerId: $billerId
    bankAccount: $bankAccount
    reason: $reason
  ) {
    biller {
      id
      pendingBankChange {
        ...CodBillerBankAccountFields
      }
    }
    approvalRequest {
      id
    }
  }
}
    fragment CodBillerBankAccountFields on BillerBankAccount {
  id
  holderName
  accountNumber
  accountNumberMasked
  ifsc
  status
  activatedOn
  reason
  requestedBy
  requestedAt
  approvalRequest {
    id
  }
}`) as unknown as TypedDocumentString<CodRequestBankChangeMutation, CodRequestBankChangeMutationVariables>;
export const CodCreateContractVersionDocument = new TypedDocumentString(`
    mutation CodCreateContractVersion($billerId: ID!, $input: ContractVersionInput!) {
  createContractVersion(billerId: $billerId, input: $input) {
    ...CodContractFields
  }
}
    fragment CodContractFields on BillerContract {
  id
  version
  effectiveFrom
  feeSource
  settlementCycleDays
  payoutWeekdays
  earlySettlement {
    days
    feePercent
  }
  maxArticleAmount {
    amount
    currency
  }
  disputeWindowDays
  bankDetailsHoldDays
  holidayCalendar
  feeRule {
    kind
    threshold
    percentUpToThreshold
    minimumFee
    baseAboveThreshold
    percentOfExcess
  }
  taxes {
    name
    percent
  }
  createdBy
  createdAt
}`) as unknown as TypedDocumentString<CodCreateContractVersionMutation, CodCreateContractVersionMutationVariables>;
export const CodRecordDepositDocument = new TypedDocumentString(`
    mutation CodRecordDeposit($input: RecordPostmanDepositInput!) {
  recordPostmanDeposit(input: $input) {
    ...CodDepositFields
  }
}
    fragment CodDepositFields on CodPostmanDeposit {
  id
  officeCode
  postmanId
  businessDate
  expected {
    amount
    currency
  }
  deposited {
    amount
    currency
  }
  shortage {
    amount
    currency
  }
  excess {
    amount
    currency
  }
  reason
  collectionCount
  depositedBy
  depositedAt
}`) as unknown as TypedDocumentString<CodRecordDepositMutation, CodRecordDepositMutationVariables>;
export const CodDepositsDocument = new TypedDocumentString(`
    query CodDeposits($filter: CodDepositFilter, $first: Int, $after: String) {
  codDeposits(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...CodDepositFields
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment CodDepositFields on CodPostmanDeposit {
  id
  officeCode
  postmanId
  businessDate
  expected {
    amount
    currency
  }
  deposited {
    amount
    currency
  }
  shortage {
    amount
    currency
  }
  excess {
    amount
    currency
  }
  reason
  collectionCount
  depositedBy
  depositedAt
}`) as unknown as TypedDocumentString<CodDepositsQuery, CodDepositsQueryVariables>;
export const CodExceptionsDocument = new TypedDocumentString(`
    query CodExceptions($filter: CodExceptionFilter, $first: Int, $after: String) {
  codExceptions(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        type
        status
        amount {
          amount
          currency
        }
        articleNumber
        depositId
        officeCode
        billerCode
        reason
        businessDate
        raisedAt
        raisedBy
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<CodExceptionsQuery, CodExceptionsQueryVariables>;
export const CodUploadManifestDocument = new TypedDocumentString(`
    mutation CodUploadManifest($input: UploadCodManifestInput!) {
  uploadCodManifest(input: $input) {
    ...CodManifestFields
  }
}
    fragment CodManifestFields on CodManifest {
  id
  fileName
  billerCode
  status
  totalRows
  processedRows
  progressPercent
  registeredCount
  alreadyRegisteredCount
  rejectedCount
  failure
  uploadedBy
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<CodUploadManifestMutation, CodUploadManifestMutationVariables>;
export const CodManifestDocument = new TypedDocumentString(`
    query CodManifest($id: ID!) {
  codManifest(id: $id) {
    ...CodManifestFields
    errors(first: 100) {
      row
      field
      code
      message
    }
  }
}
    fragment CodManifestFields on CodManifest {
  id
  fileName
  billerCode
  status
  totalRows
  processedRows
  progressPercent
  registeredCount
  alreadyRegisteredCount
  rejectedCount
  failure
  uploadedBy
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<CodManifestQuery, CodManifestQueryVariables>;
export const CodManifestErrorReportDocument = new TypedDocumentString(`
    query CodManifestErrorReport($id: ID!) {
  codManifest(id: $id) {
    id
    fileName
    errorReportCsv
  }
}
    `) as unknown as TypedDocumentString<CodManifestErrorReportQuery, CodManifestErrorReportQueryVariables>;
export const CodManifestsDocument = new TypedDocumentString(`
    query CodManifests($first: Int, $after: String) {
  codManifests(first: $first, after: $after) {
    edges {
      node {
        ...CodManifestFields
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment CodManifestFields on CodManifest {
  id
  fileName
  billerCode
  status
  totalRows
  processedRows
  progressPercent
  registeredCount
  alreadyRegisteredCount
  rejectedCount
  failure
  uploadedBy
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<CodManifestsQuery, CodManifestsQueryVariables>;
export const CodOfficeDayDocument = new TypedDocumentString(`
    query CodOfficeDay($officeCode: ID!, $date: Date) {
  office(code: $officeCode) {
    code
    name
    codSummary(date: $date) {
      date
      deliveredCount
      deliveredAmount {
        amount
        currency
      }
      collected {
        mode
        count
        amount {
          amount
          currency
        }
        deposited {
          amount
          currency
        }
      }
      deposited {
        amount
        currency
      }
      shortages {
        amount
        currency
      }
      excess {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CodOfficeDayQuery, CodOfficeDayQueryVariables>;
export const CodBatchesDocument = new TypedDocumentString(`
    query CodBatches($filter: SettlementBatchFilter, $first: Int, $after: String) {
  settlementBatches(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...CodBatchFields
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}`) as unknown as TypedDocumentString<CodBatchesQuery, CodBatchesQueryVariables>;
export const CodBatchDocument = new TypedDocumentString(`
    query CodBatch($id: ID!, $first: Int, $after: String) {
  settlementBatch(id: $id) {
    ...CodBatchFields
    lines(first: $first, after: $after) {
      edges {
        cursor
        node {
          kind
          articleNumber
          disputeId
          gross {
            amount
            currency
          }
          fee {
            amount
            currency
          }
          tax {
            amount
            currency
          }
          earlyFee {
            amount
            currency
          }
          net {
            amount
            currency
          }
          dueFrom
          active
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
}
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}`) as unknown as TypedDocumentString<CodBatchQuery, CodBatchQueryVariables>;
export const CodBuildBatchesDocument = new TypedDocumentString(`
    mutation CodBuildBatches($input: BuildSettlementBatchesInput!) {
  buildSettlementBatches(input: $input) {
    ...CodBatchFields
  }
}
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}`) as unknown as TypedDocumentString<CodBuildBatchesMutation, CodBuildBatchesMutationVariables>;
export const CodSubmitBatchesDocument = new TypedDocumentString(`
    mutation CodSubmitBatches($ids: [ID!]!, $note: String!) {
  submitSettlementBatches(ids: $ids, note: $note) {
    approvalRequestId
    batches {
      ...CodBatchFields
    }
  }
}
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}`) as unknown as TypedDocumentString<CodSubmitBatchesMutation, CodSubmitBatchesMutationVariables>;
export const CodCancelBatchDocument = new TypedDocumentString(`
    mutation CodCancelBatch($id: ID!, $reason: String!) {
  cancelSettlementBatch(id: $id, reason: $reason) {
    ...CodBatchFields
  }
}
    fragment CodBatchFields on SettlementBatch {
  id
  reference
  billerId
  billerCode
  settlementOfficeCode
  cycleDate
  status
  articleCount
  gross {
    amount
    currency
  }
  fee {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  earlyFee {
    amount
    currency
  }
  adjustments {
    amount
    currency
  }
  net {
    amount
    currency
  }
  approvalRequestId
  releasedOn
  closedReason
  payout {
    id
    status
    amount {
      amount
      currency
    }
    beneficiaryName
    accountNumber
    ifsc
    utr
    failureReason
    releasedOn
    outcomeOn
    payoutFileId
  }
}`) as unknown as TypedDocumentString<CodCancelBatchMutation, CodCancelBatchMutationVariables>;
export const CodPayoutFileDocument = new TypedDocumentString(`
    query CodPayoutFile($id: ID!) {
  payoutFile(id: $id) {
    id
    templateCode
    fileSerial
    businessDate
    recordCount
    total {
      amount
      currency
    }
    fileName
    content
  }
}
    `) as unknown as TypedDocumentString<CodPayoutFileQuery, CodPayoutFileQueryVariables>;
export const CodMarkPayoutPaidDocument = new TypedDocumentString(`
    mutation CodMarkPayoutPaid($payoutId: ID!, $utr: String!) {
  markPayoutPaid(payoutId: $payoutId, utr: $utr) {
    id
    status
    utr
    outcomeOn
  }
}
    `) as unknown as TypedDocumentString<CodMarkPayoutPaidMutation, CodMarkPayoutPaidMutationVariables>;
export const CodMarkPayoutFailedDocument = new TypedDocumentString(`
    mutation CodMarkPayoutFailed($payoutId: ID!, $input: MarkPayoutFailedInput!) {
  markPayoutFailed(payoutId: $payoutId, input: $input) {
    id
    status
    failureReason
    outcomeOn
  }
}
    `) as unknown as TypedDocumentString<CodMarkPayoutFailedMutation, CodMarkPayoutFailedMutationVariables>;
export const CodDisputesDocument = new TypedDocumentString(`
    query CodDisputes($filter: CodDisputeFilter, $first: Int, $after: String) {
  codDisputes(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...CodDisputeFields
        settlementOfficeCode
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment CodDisputeFields on CodDispute {
  id
  articleNumber
  billerCode
  kind
  status
  claimedAmount {
    amount
    currency
  }
  adjustmentAmount {
    amount
    currency
  }
  note
  resolutionNote
  raisedOn
  raisedAt
  resolvedOn
}`) as unknown as TypedDocumentString<CodDisputesQuery, CodDisputesQueryVariables>;
export const CodRaiseDisputeDocument = new TypedDocumentString(`
    mutation CodRaiseDispute($articleNumber: String!, $input: RaiseCodDisputeInput!) {
  raiseCodDispute(articleNumber: $articleNumber, input: $input) {
    ...CodDisputeFields
  }
}
    fragment CodDisputeFields on CodDispute {
  id
  articleNumber
  billerCode
  kind
  status
  claimedAmount {
    amount
    currency
  }
  adjustmentAmount {
    amount
    currency
  }
  note
  resolutionNote
  raisedOn
  raisedAt
  resolvedOn
}`) as unknown as TypedDocumentString<CodRaiseDisputeMutation, CodRaiseDisputeMutationVariables>;
export const CodResolveDisputeDocument = new TypedDocumentString(`
    mutation CodResolveDispute($id: ID!, $input: ResolveCodDisputeInput!) {
  resolveCodDispute(id: $id, input: $input) {
    ...CodDisputeFields
  }
}
    fragment CodDisputeFields on CodDispute {
  id
  articleNumber
  billerCode
  kind
  status
  claimedAmount {
    amount
    currency
  }
  adjustmentAmount {
    amount
    currency
  }
  note
  resolutionNote
  raisedOn
  raisedAt
  resolvedOn
}`) as unknown as TypedDocumentString<CodResolveDisputeMutation, CodResolveDisputeMutationVariables>;
export const CodAgingDocument = new TypedDocumentString(`
    query CodAging($filter: CodAgingFilter) {
  codAging(filter: $filter) {
    billerCode
    officeCode
    bucket
    count
    amount {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CodAgingQuery, CodAgingQueryVariables>;
export const CodReconciliationDocument = new TypedDocumentString(`
    query CodReconciliation($asOf: Date, $billerId: ID) {
  codReconciliation(asOf: $asOf, billerId: $billerId) {
    billerId
    billerCode
    ledgerPayable {
      amount
      currency
    }
    unsettled {
      amount
      currency
    }
    difference {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CodReconciliationQuery, CodReconciliationQueryVariables>;
export const DashboardApprovalsDocument = new TypedDocumentString(`
    query DashboardApprovals {
  waiting: approvalRequests(filter: {waitingForMe: true}, first: 20) {
    edges {
      node {
        id
        kind
        summary
        officeCode
        createdAt
      }
    }
    pageInfo {
      hasNextPage
    }
  }
  mine: approvalRequests(filter: {mine: true, status: PENDING}, first: 20) {
    edges {
      node {
        id
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardApprovalsQuery, DashboardApprovalsQueryVariables>;
export const DashboardCounterCashDocument = new TypedDocumentString(`
    query DashboardCounterCash {
  accounts(filter: {headCode: "1100", kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        officeCode
        balance {
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCounterCashQuery, DashboardCounterCashQueryVariables>;
export const DashboardPostmanCashDocument = new TypedDocumentString(`
    query DashboardPostmanCash {
  accounts(filter: {headCode: "1200", kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        officeCode
        balance {
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardPostmanCashQuery, DashboardPostmanCashQueryVariables>;
export const DashboardUnclosedDaysDocument = new TypedDocumentString(`
    query DashboardUnclosedDays($date: Date!) {
  officesNotClosedThrough(date: $date, first: 8) {
    totalCount
    edges {
      node {
        code
        name
        type
        closedThrough
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardUnclosedDaysQuery, DashboardUnclosedDaysQueryVariables>;
export const DashboardVerifyLedgerDocument = new TypedDocumentString(`
    query DashboardVerifyLedger {
  verifyLedger {
    ok
    checkedEntries
    sealedThrough
    unsealedEntries
    firstDiscrepancy {
      kind
      entryId
      accountCode
      position
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardVerifyLedgerQuery, DashboardVerifyLedgerQueryVariables>;
export const JournalCloseBusinessDayDocument = new TypedDocumentString(`
    mutation JournalCloseBusinessDay($officeCode: ID!, $date: Date!) {
  closeBusinessDay(officeCode: $officeCode, date: $date) {
    officeCode
    businessDate
    previousDate
    closedAt
    closedBy {
      username
    }
    balances {
      accountCode
    }
  }
}
    `) as unknown as TypedDocumentString<JournalCloseBusinessDayMutation, JournalCloseBusinessDayMutationVariables>;
export const JournalEntryForReversalDocument = new TypedDocumentString(`
    query JournalEntryForReversal($id: ID!) {
  journalEntry(id: $id) {
    id
    officeCode
    effectiveDate
    description
    source {
      type
      reference
    }
    postings {
      line
      accountCode
      side
      amount {
        amount
        currency
      }
    }
    reverses {
      id
    }
    reversedBy {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<JournalEntryForReversalQuery, JournalEntryForReversalQueryVariables>;
export const JournalOfficeAccountsDocument = new TypedDocumentString(`
    query JournalOfficeAccounts($officeCode: ID!) {
  office(code: $officeCode) {
    code
    name
    closedThrough
  }
  accounts(filter: {officeCode: $officeCode, kind: DETAIL}, first: 100) {
    edges {
      node {
        code
        name
        currency
        status
        allowManualEntries
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeAccountsQuery, JournalOfficeAccountsQueryVariables>;
export const JournalOfficeDayDocument = new TypedDocumentString(`
    query JournalOfficeDay($officeCode: ID!) {
  office(code: $officeCode) {
    code
    name
    type
    closedThrough
  }
  businessDayCloses(officeCode: $officeCode, first: 5) {
    officeCode
    businessDate
    previousDate
    closedAt
    closedBy {
      username
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeDayQuery, JournalOfficeDayQueryVariables>;
export const JournalOfficeSearchDocument = new TypedDocumentString(`
    query JournalOfficeSearch($search: String) {
  offices(filter: {search: $search, status: ACTIVE}, first: 20) {
    edges {
      node {
        code
        name
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JournalOfficeSearchQuery, JournalOfficeSearchQueryVariables>;
export const JournalPostEntryDocument = new TypedDocumentString(`
    mutation JournalPostEntry($input: PostJournalEntryInput!) {
  postJournalEntry(input: $input) {
    entry {
      id
    }
    approvalRequest {
      id
      kind
      status
      summary
      createdAt
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<JournalPostEntryMutation, JournalPostEntryMutationVariables>;
export const JournalReverseEntryDocument = new TypedDocumentString(`
    mutation JournalReverseEntry($id: ID!, $reason: String!, $idempotencyKey: String!) {
  reverseJournalEntry(id: $id, reason: $reason, idempotencyKey: $idempotencyKey) {
    entry {
      id
    }
    approvalRequest {
      id
      kind
      status
      summary
      createdAt
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<JournalReverseEntryMutation, JournalReverseEntryMutationVariables>;
export const LedgerChartAccountsDocument = new TypedDocumentString(`
    query LedgerChartAccounts($filter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        parentCode
        headCode
        officeCode
        currency
        balance {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerChartAccountsQuery, LedgerChartAccountsQueryVariables>;
export const LedgerChartHeadersDocument = new TypedDocumentString(`
    query LedgerChartHeaders($first: Int, $after: String) {
  accounts(filter: {kind: HEADER}, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        parentCode
        headCode
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerChartHeadersQuery, LedgerChartHeadersQueryVariables>;
export const LedgerEntryDocument = new TypedDocumentString(`
    query LedgerEntry($id: ID!) {
  journalEntry(id: $id) {
    ...LedgerEntrySummary
    idempotencyKey
    holdId
    postedAt
    chainHash
    actor {
      kind
      id
      username
    }
    approvedBy {
      kind
      id
      username
    }
    postings {
      line
      accountCode
      account {
        code
        name
      }
      side
      amount {
        amount
        currency
      }
    }
    approvalRequest {
      id
      kind
      status
      summary
      maker {
        id
        username
      }
      checker {
        id
        username
      }
      createdAt
      decidedAt
      executedAt
    }
    reverses {
      ...LedgerEntrySummary
    }
    reversedBy {
      ...LedgerEntrySummary
    }
  }
}
    fragment LedgerEntrySummary on JournalEntry {
  id
  sequence
  officeCode
  effectiveDate
  description
  source {
    type
    reference
  }
}`) as unknown as TypedDocumentString<LedgerEntryQuery, LedgerEntryQueryVariables>;
export const LedgerStatementDocument = new TypedDocumentString(`
    query LedgerStatement($accountCode: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
  accountStatement(
    accountCode: $accountCode
    from: $from
    to: $to
    first: $first
    after: $after
  ) {
    account {
      code
      name
      type
      status
      officeCode
      currency
      balance {
        amount
        currency
      }
    }
    from
    to
    openingBalance {
      amount
      currency
    }
    closingBalance {
      amount
      currency
    }
    edges {
      cursor
      node {
        entryId
        effectiveDate
        description
        side
        amount {
          amount
          currency
        }
        runningBalance {
          amount
          currency
        }
        entry {
          id
          sequence
          source {
            type
            reference
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerStatementQuery, LedgerStatementQueryVariables>;
export const LedgerTrialBalanceDocument = new TypedDocumentString(`
    query LedgerTrialBalance($asOf: Date!, $officeCode: ID, $currency: CurrencyCode!) {
  trialBalance(asOf: $asOf, officeCode: $officeCode, currency: $currency) {
    asOf
    officeCode
    currency
    balanced
    totalDebit {
      amount
      currency
    }
    totalCredit {
      amount
      currency
    }
    lines {
      accountCode
      account {
        code
        name
        type
        officeCode
      }
      debitTotal {
        amount
        currency
      }
      creditTotal {
        amount
        currency
      }
      debitBalance {
        amount
        currency
      }
      creditBalance {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerTrialBalanceQuery, LedgerTrialBalanceQueryVariables>;
export const LedgerVerifyDocument = new TypedDocumentString(`
    query LedgerVerify {
  verifyLedger {
    ok
    checkedEntries
    sealedThrough
    unsealedEntries
    firstDiscrepancy {
      kind
      entryId
      accountCode
      position
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerVerifyQuery, LedgerVerifyQueryVariables>;
export const MoBookDocument = new TypedDocumentString(`
    mutation MoBook($input: BookMoneyOrderInput!) {
  bookMoneyOrder(input: $input) {
    order {
      ...MoOrderFields
      sender {
        name
        phone
      }
      payee {
        name
        phone
      }
      receipt {
        text
      }
    }
    codeDelivery {
      channel
      to
      expiresAt
      resendsLeft
    }
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoBookMutation, MoBookMutationVariables>;
export const MoBulkBookDocument = new TypedDocumentString(`
    mutation MoBulkBook($input: BookMoneyOrdersInput!) {
  bookMoneyOrders(input: $input) {
    ...MoBulkFields
  }
}
    fragment MoBulkFields on MoneyOrderBulkUpload {
  id
  status
  mode
  officeCode
  fileName
  totalRows
  processedRows
  bookedCount
  rejectedCount
  bookedAmount {
    amount
    currency
  }
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<MoBulkBookMutation, MoBulkBookMutationVariables>;
export const MoBulkUploadDocument = new TypedDocumentString(`
    query MoBulkUpload($id: ID!) {
  moneyOrderBulkUpload(id: $id) {
    ...MoBulkFields
    rejections(first: 100) {
      row
      code
      message
    }
  }
}
    fragment MoBulkFields on MoneyOrderBulkUpload {
  id
  status
  mode
  officeCode
  fileName
  totalRows
  processedRows
  bookedCount
  rejectedCount
  bookedAmount {
    amount
    currency
  }
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<MoBulkUploadQuery, MoBulkUploadQueryVariables>;
export const MoBulkRejectionReportDocument = new TypedDocumentString(`
    query MoBulkRejectionReport($id: ID!) {
  moneyOrderBulkUpload(id: $id) {
    id
    fileName
    rejectionReportCsv
  }
}
    `) as unknown as TypedDocumentString<MoBulkRejectionReportQuery, MoBulkRejectionReportQueryVariables>;
export const MoCounterOrderDocument = new TypedDocumentString(`
    query MoCounterOrder($reference: ID!) {
  moneyOrder(reference: $reference) {
    ...MoOrderFields
    sender {
      name
      phone
    }
    payee {
      name
      phone
    }
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoCounterOrderQuery, MoCounterOrderQueryVariables>;
export const MoStopDocument = new TypedDocumentString(`
    mutation MoStop($reference: ID!, $reason: String!) {
  stopMoneyOrder(reference: $reference, reason: $reason) {
    ...MoOrderFields
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoStopMutation, MoStopMutationVariables>;
export const MoReturnDocument = new TypedDocumentString(`
    mutation MoReturn($reference: ID!, $reason: String!) {
  returnMoneyOrder(reference: $reference, reason: $reason) {
    ...MoOrderFields
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoReturnMutation, MoReturnMutationVariables>;
export const MoRefundDocument = new TypedDocumentString(`
    mutation MoRefund($input: RefundMoneyOrderInput!) {
  refundMoneyOrder(input: $input) {
    order {
      ...MoOrderFields
    }
    approvalRequest {
      id
      kind
      status
      summary
      createdAt
      expiresAt
    }
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoRefundMutation, MoRefundMutationVariables>;
export const MoLockDocument = new TypedDocumentString(`
    mutation MoLock($reference: ID!, $reason: String!) {
  lockMoneyOrder(reference: $reference, reason: $reason) {
    ...MoOrderFields
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoLockMutation, MoLockMutationVariables>;
export const MoReleaseDocument = new TypedDocumentString(`
    mutation MoRelease($reference: ID!, $reason: String!) {
  releaseMoneyOrder(reference: $reference, reason: $reason) {
    ...MoOrderFields
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoReleaseMutation, MoReleaseMutationVariables>;
export const MoDayAccountDocument = new TypedDocumentString(`
    query MoDayAccount($officeCode: ID!, $date: Date) {
  office(code: $officeCode) {
    code
    name
    moneyOrderSummary(date: $date) {
      date
      bookedCount
      bookedAmount {
        amount
        currency
      }
      paidCount
      paidAmount {
        amount
        currency
      }
      refundedCount
      refundedAmount {
        amount
        currency
      }
      commission {
        amount
        currency
      }
      tax {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MoDayAccountQuery, MoDayAccountQueryVariables>;
export const MoLedgerEntriesDocument = new TypedDocumentString(`
    query MoLedgerEntries($reference: ID!) {
  moneyOrder(reference: $reference) {
    reference
    ledgerEntries {
      id
      sequence
      officeCode
      effectiveDate
      description
      postedAt
      postings {
        line
        accountCode
        side
        amount {
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MoLedgerEntriesQuery, MoLedgerEntriesQueryVariables>;
export const MoListDocument = new TypedDocumentString(`
    query MoList($filter: MoneyOrderFilter, $first: Int, $after: String) {
  moneyOrders(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        reference
        product
        status
        amount {
          amount
          currency
        }
        commission {
          amount
          currency
        }
        bookingOfficeCode
        payingOfficeCode
        bookedOn
        paidAt
        sender {
          name
          phone
        }
        payee {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MoListQuery, MoListQueryVariables>;
export const MoOrderDocument = new TypedDocumentString(`
    query MoOrder($reference: ID!) {
  moneyOrder(reference: $reference) {
    ...MoOrderFields
    message
    sender {
      name
      phone
      address
      idDocument
    }
    payee {
      name
      phone
      address
      idDocument
    }
    timeline {
      from
      to
      actor
      officeCode
      at
      reason
    }
    ledgerMovements {
      movement
      status
      rejection
      at
    }
    receipt {
      text
    }
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoOrderQuery, MoOrderQueryVariables>;
export const MoPayDocument = new TypedDocumentString(`
    mutation MoPay($input: PayMoneyOrderInput!) {
  payMoneyOrder(input: $input) {
    ...MoOrderFields
  }
}
    fragment MoOrderFields on MoneyOrder {
  reference
  product
  status
  amount {
    amount
    currency
  }
  commission {
    amount
    currency
  }
  tax {
    amount
    currency
  }
  total {
    amount
    currency
  }
  tariffVersion
  paymentMode
  bookingOfficeCode
  payingOfficeCode
  settledAtOfficeCode
  bookedOn
  expiresOn
  bookedAt
  paidAt
  lockReason
  failedCodeAttempts
  codeResendsLeft
}`) as unknown as TypedDocumentString<MoPayMutation, MoPayMutationVariables>;
export const MoQuoteDocument = new TypedDocumentString(`
    query MoQuote($amount: Decimal!, $product: MoneyOrderProduct) {
  moneyOrderQuote(amount: $amount, product: $product) {
    product
    amount {
      amount
      currency
    }
    commission {
      amount
      currency
    }
    tax {
      amount
      currency
    }
    total {
      amount
      currency
    }
    tariffVersion
  }
}
    `) as unknown as TypedDocumentString<MoQuoteQuery, MoQuoteQueryVariables>;
export const MoReconciliationDocument = new TypedDocumentString(`
    query MoReconciliation($asOf: Date!, $officeCode: ID!) {
  moneyOrderReconciliation(asOf: $asOf, officeCode: $officeCode) {
    asOf
    officeCode
    ledgerBalance {
      amount
      currency
    }
    outstandingAmount {
      amount
      currency
    }
    outstandingCount
    difference {
      amount
      currency
    }
    inFlightCount
    items {
      reference
      status
      amount {
        amount
        currency
      }
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<MoReconciliationQuery, MoReconciliationQueryVariables>;
export const MoResendCodeDocument = new TypedDocumentString(`
    mutation MoResendCode($reference: ID!) {
  resendMoneyOrderCode(reference: $reference) {
    channel
    to
    expiresAt
    resendsLeft
  }
}
    `) as unknown as TypedDocumentString<MoResendCodeMutation, MoResendCodeMutationVariables>;
export const MoTariffsDocument = new TypedDocumentString(`
    query MoTariffs($product: MoneyOrderProduct) {
  moneyOrderTariffs(product: $product) {
    id
    product
    currency
    effectiveFrom
    effectiveTo
    minAmount
    maxAmount
    wholeUnitsOnly
    rule
    taxRatePercent
  }
  moneyOrderLimits {
    kind
    product
    amount {
      amount
      currency
    }
    effectiveFrom
    effectiveTo
  }
}
    `) as unknown as TypedDocumentString<MoTariffsQuery, MoTariffsQueryVariables>;
export const MoProposeTariffDocument = new TypedDocumentString(`
    mutation MoProposeTariff($input: MoneyOrderTariffInput!) {
  proposeMoneyOrderTariff(input: $input) {
    id
    kind
    status
    summary
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<MoProposeTariffMutation, MoProposeTariffMutationVariables>;
export const MoTrackDocument = new TypedDocumentString(`
    query MoTrack($reference: ID!, $senderPhone: String!) {
  trackMoneyOrder(reference: $reference, senderPhone: $senderPhone) {
    ...MoTrackingFields
  }
}
    fragment MoTrackingFields on MoneyOrderTracking {
  reference
  status
  bookedOn
  expiresOn
  settledOn
  stoppable
}`) as unknown as TypedDocumentString<MoTrackQuery, MoTrackQueryVariables>;
export const MoRequestStopCodeDocument = new TypedDocumentString(`
    mutation MoRequestStopCode($reference: ID!, $senderPhone: String!) {
  requestMoneyOrderStopCode(reference: $reference, senderPhone: $senderPhone)
}
    `) as unknown as TypedDocumentString<MoRequestStopCodeMutation, MoRequestStopCodeMutationVariables>;
export const MoStopAsSenderDocument = new TypedDocumentString(`
    mutation MoStopAsSender($reference: ID!, $senderPhone: String!, $code: String!, $reason: String!) {
  stopMoneyOrderAsSender(
    reference: $reference
    senderPhone: $senderPhone
    code: $code
    reason: $reason
  ) {
    ...MoTrackingFields
  }
}
    fragment MoTrackingFields on MoneyOrderTracking {
  reference
  status
  bookedOn
  expiresOn
  settledOn
  stoppable
}`) as unknown as TypedDocumentString<MoStopAsSenderMutation, MoStopAsSenderMutationVariables>;
export const OfficeCloseDocument = new TypedDocumentString(`
    mutation OfficeClose($code: ID!, $closedOn: Date!) {
  closeOffice(code: $code, closedOn: $closedOn) {
    code
    status
    closedOn
  }
}
    `) as unknown as TypedDocumentString<OfficeCloseMutation, OfficeCloseMutationVariables>;
export const OfficeCreateDocument = new TypedDocumentString(`
    mutation OfficeCreate($input: CreateOfficeInput!) {
  createOffice(input: $input) {
    code
    name
    parent {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeCreateMutation, OfficeCreateMutationVariables>;
export const OfficeDetailDocument = new TypedDocumentString(`
    query OfficeDetail($code: ID!, $withLedger: Boolean!, $withStaff: Boolean!, $staffFirst: Int) {
  office(code: $code) {
    code
    name
    type
    status
    pin
    openedOn
    closedOn
    address {
      line1
      line2
      city
      district
      state
    }
    contact {
      phone
      email
    }
    deliveryShifts {
      morning
      evening
      sundays
      holidays
    }
    parent {
      code
      name
      type
    }
    accountOffice {
      code
      name
    }
    ancestors {
      code
      name
    }
    children(first: 1) {
      edges {
        node {
          code
        }
      }
    }
    closedThrough @include(if: $withLedger)
    ledgerAccounts @include(if: $withLedger) {
      code
      name
      type
      status
      currency
      balance {
        amount
        currency
      }
      available {
        amount
        currency
      }
    }
  }
  businessDayCloses(officeCode: $code, first: 10) @include(if: $withLedger) {
    businessDate
    previousDate
    closedAt
    closedBy {
      kind
      id
      username
    }
  }
  staffMembers(filter: {officeCode: $code}, first: $staffFirst) @include(if: $withStaff) {
    edges {
      node {
        id
        employeeId
        username
        name
        roles
        status
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeDetailQuery, OfficeDetailQueryVariables>;
export const OfficeMoveDocument = new TypedDocumentString(`
    mutation OfficeMove($code: ID!, $newParentCode: ID!, $accountOfficeCode: ID) {
  moveOffice(
    code: $code
    newParentCode: $newParentCode
    accountOfficeCode: $accountOfficeCode
  ) {
    code
    parent {
      code
      name
    }
    accountOffice {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeMoveMutation, OfficeMoveMutationVariables>;
export const OfficeRenameDocument = new TypedDocumentString(`
    mutation OfficeRename($code: ID!, $name: String!) {
  renameOffice(code: $code, name: $name) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<OfficeRenameMutation, OfficeRenameMutationVariables>;
export const OfficeUpdateDocument = new TypedDocumentString(`
    mutation OfficeUpdate($code: ID!, $input: UpdateOfficeInput!) {
  updateOffice(code: $code, input: $input) {
    code
    pin
    address {
      line1
      line2
      city
      district
      state
    }
    contact {
      phone
      email
    }
    deliveryShifts {
      morning
      evening
      sundays
      holidays
    }
    accountOffice {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeUpdateMutation, OfficeUpdateMutationVariables>;
export const OfficesSearchDocument = new TypedDocumentString(`
    query OfficesSearch($filter: OfficeFilter, $first: Int, $after: String) {
  offices(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        code
        name
        type
        status
        pin
        openedOn
        closedOn
        address {
          city
          district
          state
        }
        parent {
          code
          name
        }
        accountOffice {
          code
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesSearchQuery, OfficesSearchQueryVariables>;
export const OfficesTreeChildrenDocument = new TypedDocumentString(`
    query OfficesTreeChildren($code: ID!, $first: Int, $after: String) {
  office(code: $code) {
    code
    children(first: $first, after: $after) {
      edges {
        node {
          code
          name
          type
          status
          children(first: 1) {
            edges {
              node {
                code
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesTreeChildrenQuery, OfficesTreeChildrenQueryVariables>;
export const OfficesTreeRootDocument = new TypedDocumentString(`
    query OfficesTreeRoot($code: ID!) {
  office(code: $code) {
    code
    name
    type
    status
    children(first: 1) {
      edges {
        node {
          code
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesTreeRootQuery, OfficesTreeRootQueryVariables>;
export const ReconBankAccountsDocument = new TypedDocumentString(`
    query ReconBankAccounts($filter: BankAccountFilter, $first: Int, $after: String) {
  bankAccounts(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...ReconBankAccountFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReconBankAccountFields on BankAccount {
  id
  name
  accountNumber
  isIban
  bic
  ifsc
  currency
  purpose
  officeCode
  ledgerAccountCode
}`) as unknown as TypedDocumentString<ReconBankAccountsQuery, ReconBankAccountsQueryVariables>;
export const ReconBankAccountDocument = new TypedDocumentString(`
    query ReconBankAccount($id: ID!) {
  bankAccount(id: $id) {
    ...ReconBankAccountFields
    csvMapping
    registeredBy
    registeredAt
  }
}
    fragment ReconBankAccountFields on BankAccount {
  id
  name
  accountNumber
  isIban
  bic
  ifsc
  currency
  purpose
  officeCode
  ledgerAccountCode
}`) as unknown as TypedDocumentString<ReconBankAccountQuery, ReconBankAccountQueryVariables>;
export const ReconRegisterBankAccountDocument = new TypedDocumentString(`
    mutation ReconRegisterBankAccount($input: RegisterBankAccountInput!) {
  registerBankAccount(input: $input) {
    ...ReconBankAccountFields
  }
}
    fragment ReconBankAccountFields on BankAccount {
  id
  name
  accountNumber
  isIban
  bic
  ifsc
  currency
  purpose
  officeCode
  ledgerAccountCode
}`) as unknown as TypedDocumentString<ReconRegisterBankAccountMutation, ReconRegisterBankAccountMutationVariables>;
export const ReconSetCsvMappingDocument = new TypedDocumentString(`
    mutation ReconSetCsvMapping($bankAccountId: ID!, $mapping: String) {
  setBankCsvMapping(bankAccountId: $bankAccountId, mapping: $mapping) {
    id
    csvMapping
  }
}
    `) as unknown as TypedDocumentString<ReconSetCsvMappingMutation, ReconSetCsvMappingMutationVariables>;
export const ReconImportDocument = new TypedDocumentString(`
    query ReconImport($id: ID!) {
  bankStatementImport(id: $id) {
    ...ReconImportFields
    statements {
      ...ReconStatementFields
    }
  }
}
    fragment ReconStatementFields on BankStatement {
  id
  importId
  statementId
  format
  version
  currency
  openingBalance {
    amount
    currency
  }
  openingDate
  closingBalance {
    amount
    currency
  }
  closingDate
  fromDate
  toDate
  lineCount
  creditCount
  debitCount
  creditTotal {
    amount
    currency
  }
  debitTotal {
    amount
    currency
  }
  alreadyImported
  importedAt
}
fragment ReconImportFields on BankStatementImport {
  id
  fileName
  fileHash
  fileSize
  format
  status
  progressPercent
  alreadyImportedCount
  importedBy
  createdAt
  finishedAt
  bankAccount {
    id
    name
    accountNumber
  }
  error {
    code
    message
    line
    element
  }
}`) as unknown as TypedDocumentString<ReconImportQuery, ReconImportQueryVariables>;
export const ReconImportsDocument = new TypedDocumentString(`
    query ReconImports($bankAccountId: ID, $first: Int, $after: String) {
  bankStatementImports(
    bankAccountId: $bankAccountId
    first: $first
    after: $after
  ) {
    edges {
      node {
        ...ReconImportFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReconImportFields on BankStatementImport {
  id
  fileName
  fileHash
  fileSize
  format
  status
  progressPercent
  alreadyImportedCount
  importedBy
  createdAt
  finishedAt
  bankAccount {
    id
    name
    accountNumber
  }
  error {
    code
    message
    line
    element
  }
}`) as unknown as TypedDocumentString<ReconImportsQuery, ReconImportsQueryVariables>;
export const ReconStatementsDocument = new TypedDocumentString(`
    query ReconStatements($filter: BankStatementFilter, $first: Int, $after: String) {
  bankStatements(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        ...ReconStatementFields
        bankAccount {
          id
          name
          accountNumber
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReconStatementFields on BankStatement {
  id
  importId
  statementId
  format
  version
  currency
  openingBalance {
    amount
    currency
  }
  openingDate
  closingBalance {
    amount
    currency
  }
  closingDate
  fromDate
  toDate
  lineCount
  creditCount
  debitCount
  creditTotal {
    amount
    currency
  }
  debitTotal {
    amount
    currency
  }
  alreadyImported
  importedAt
}`) as unknown as TypedDocumentString<ReconStatementsQuery, ReconStatementsQueryVariables>;
export const ReconStatementDocument = new TypedDocumentString(`
    query ReconStatement($id: ID!) {
  bankStatement(id: $id) {
    ...ReconStatementFields
    messageId
    sequenceNumber
    bankAccount {
      id
      name
      accountNumber
    }
    balances {
      type
      amount {
        amount
        currency
      }
      date
    }
  }
}
    fragment ReconStatementFields on BankStatement {
  id
  importId
  statementId
  format
  version
  currency
  openingBalance {
    amount
    currency
  }
  openingDate
  closingBalance {
    amount
    currency
  }
  closingDate
  fromDate
  toDate
  lineCount
  creditCount
  debitCount
  creditTotal {
    amount
    currency
  }
  debitTotal {
    amount
    currency
  }
  alreadyImported
  importedAt
}`) as unknown as TypedDocumentString<ReconStatementQuery, ReconStatementQueryVariables>;
export const ReconStatementLinesDocument = new TypedDocumentString(`
    query ReconStatementLines($id: ID!, $direction: BankLineDirection, $first: Int, $after: String) {
  bankStatement(id: $id) {
    id
    lines(direction: $direction, first: $first, after: $after) {
      edges {
        node {
          id
          index
          direction
          reversal
          amount {
            amount
            currency
          }
          bookingDate
          valueDate
          status
          transactionCode
          references {
            ...ReconReferences
          }
          remittanceInformation
          counterparty {
            name
            iban
            account
            bic
          }
          transactionCount
          transactions {
            amount {
              amount
              currency
            }
            direction
            references {
              ...ReconReferences
            }
            remittanceInformation
            counterparty {
              name
              iban
              account
              bic
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment ReconReferences on BankLineReferences {
  endToEndId
  accountServicerReference
  ownerReference
  paymentInformationId
  utr
  mandateId
  transactionId
  creditorReference
}`) as unknown as TypedDocumentString<ReconStatementLinesQuery, ReconStatementLinesQueryVariables>;
export const ReconStatementLinesCsvDocument = new TypedDocumentString(`
    query ReconStatementLinesCsv($id: ID!) {
  bankStatement(id: $id) {
    id
    statementId
    linesCsv
  }
}
    `) as unknown as TypedDocumentString<ReconStatementLinesCsvQuery, ReconStatementLinesCsvQueryVariables>;
export const StaffAssignDocument = new TypedDocumentString(`
    mutation StaffAssign($id: ID!, $officeCode: ID!) {
  assignStaff(id: $id, officeCode: $officeCode) {
    id
    office {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<StaffAssignMutation, StaffAssignMutationVariables>;
export const StaffCreateDocument = new TypedDocumentString(`
    mutation StaffCreate($input: CreateStaffInput!) {
  createStaff(input: $input) {
    staff {
      id
      username
      name
    }
    temporaryPasswordSentTo {
      channel
      address
    }
  }
}
    `) as unknown as TypedDocumentString<StaffCreateMutation, StaffCreateMutationVariables>;
export const StaffDetailDocument = new TypedDocumentString(`
    query StaffDetail($id: ID!) {
  staff(id: $id) {
    id
    employeeId
    username
    name
    mobile
    email
    status
    suspendedAt
    suspensionReason
    leftOn
    lastLoginAt
    lockedUntil
    mustChangePassword
    roles
    billerCode
    grants {
      permission
      scope
    }
    office {
      code
      name
      type
    }
    assignments(first: 100) {
      officeCode
      office {
        code
        name
      }
      from
      to
      assignedBy {
        id
        username
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffDetailQuery, StaffDetailQueryVariables>;
export const StaffGrantRoleDocument = new TypedDocumentString(`
    mutation StaffGrantRole($input: GrantRoleInput!) {
  grantRole(input: $input) {
    id
    status
    summary
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<StaffGrantRoleMutation, StaffGrantRoleMutationVariables>;
export const StaffListDocument = new TypedDocumentString(`
    query StaffList($filter: StaffFilter, $first: Int, $after: String) {
  staffMembers(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id
        employeeId
        username
        name
        status
        roles
        grants {
          permission
          scope
        }
        lastLoginAt
        office {
          code
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StaffListQuery, StaffListQueryVariables>;
export const StaffMarkLeftDocument = new TypedDocumentString(`
    mutation StaffMarkLeft($id: ID!, $leftOn: Date!) {
  markStaffLeft(id: $id, leftOn: $leftOn) {
    id
    status
    leftOn
  }
}
    `) as unknown as TypedDocumentString<StaffMarkLeftMutation, StaffMarkLeftMutationVariables>;
export const StaffOfficeLookupDocument = new TypedDocumentString(`
    query StaffOfficeLookup($code: ID!) {
  office(code: $code) {
    code
    name
    type
    status
  }
}
    `) as unknown as TypedDocumentString<StaffOfficeLookupQuery, StaffOfficeLookupQueryVariables>;
export const StaffPendingGrantsDocument = new TypedDocumentString(`
    query StaffPendingGrants($staffId: ID!) {
  approvalRequests(filter: {staffId: $staffId, status: PENDING}, first: 20) {
    edges {
      node {
        id
        summary
        payload
        createdAt
        expiresAt
        maker {
          username
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffPendingGrantsQuery, StaffPendingGrantsQueryVariables>;
export const StaffReinstateDocument = new TypedDocumentString(`
    mutation StaffReinstate($id: ID!) {
  reinstateStaff(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<StaffReinstateMutation, StaffReinstateMutationVariables>;
export const StaffResetPasswordDocument = new TypedDocumentString(`
    mutation StaffResetPassword($id: ID!) {
  resetPassword(id: $id) {
    staff {
      id
      mustChangePassword
      lockedUntil
    }
    temporaryPasswordSentTo {
      channel
      address
    }
  }
}
    `) as unknown as TypedDocumentString<StaffResetPasswordMutation, StaffResetPasswordMutationVariables>;
export const StaffRevokeRoleDocument = new TypedDocumentString(`
    mutation StaffRevokeRole($input: RevokeRoleInput!) {
  revokeRole(input: $input) {
    id
    roles
  }
}
    `) as unknown as TypedDocumentString<StaffRevokeRoleMutation, StaffRevokeRoleMutationVariables>;
export const StaffSuspendDocument = new TypedDocumentString(`
    mutation StaffSuspend($id: ID!, $reason: String!) {
  suspendStaff(id: $id, reason: $reason) {
    id
    status
    suspensionReason
  }
}
    `) as unknown as TypedDocumentString<StaffSuspendMutation, StaffSuspendMutationVariables>;
export const StaffUpdateDocument = new TypedDocumentString(`
    mutation StaffUpdate($id: ID!, $input: UpdateStaffInput!) {
  updateStaff(id: $id, input: $input) {
    id
    name
    mobile
    email
  }
}
    `) as unknown as TypedDocumentString<StaffUpdateMutation, StaffUpdateMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    name
    employeeId
    roles
    billerCode
    status
    mustChangePassword
    office {
      code
      name
      type
    }
    grants {
      permission
      scope
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;