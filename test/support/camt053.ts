import { Decimal } from '@postal/money';

/**
 * A camt.053.001.08 account statement written for tests and benchmarks: an Indian bank's end-of-day statement for one
 * account, with NEFT/UPI references where a real one has them. Balances are computed, so the file is self-consistent
 * (opening + credits - debits = closing) unless `closingOverride` says otherwise.
 */
export interface GeneratedEntry {
  amount: string;
  direction: 'CREDIT' | 'DEBIT';
  bookingDate: string;
  valueDate?: string;
  /** The bank's reference (AcctSvcrRef). */
  bankReference?: string;
  endToEndId?: string;
  /** An NEFT UTR or UPI RRN: written as the transaction id (Refs/TxId), where Indian banks' camt put it. */
  utr?: string;
  remittance?: string;
  counterpartyName?: string;
}

export interface GeneratedStatement {
  statementId: string;
  accountNumber: string;
  iban?: boolean;
  currency: string;
  opening: string;
  openingDate: string;
  closingDate: string;
  entries: GeneratedEntry[];
  closingOverride?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function balance(code: string, amount: Decimal, currency: string, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${amount.abs().toFixed(2)}</Amt><CdtDbtInd>${amount.isNegative() ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function entry(e: GeneratedEntry, currency: string): string {
  const refs = [e.endToEndId ? `<EndToEndId>${escape(e.endToEndId)}</EndToEndId>` : '', e.utr ? `<TxId>${escape(e.utr)}</TxId>` : ''].join('');
  const party = e.counterpartyName ? (e.direction === 'CREDIT' ? `<RltdPties><Dbtr><Pty><Nm>${escape(e.counterpartyName)}</Nm></Pty></Dbtr></RltdPties>` : `<RltdPties><Cdtr><Pty><Nm>${escape(e.counterpartyName)}</Nm></Pty></Cdtr></RltdPties>`) : '';
  const details = refs || party || e.remittance ? `<NtryDtls><TxDtls>${refs ? `<Refs>${refs}</Refs>` : ''}${party}${e.remittance ? `<RmtInf><Ustrd>${escape(e.remittance)}</Ustrd></RmtInf>` : ''}</TxDtls></NtryDtls>` : '';
  return (
    `<Ntry><Amt Ccy="${currency}">${e.amount}</Amt><CdtDbtInd>${e.direction === 'CREDIT' ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
    `<BookgDt><Dt>${e.bookingDate}</Dt></BookgDt><ValDt><Dt>${e.valueDate ?? e.bookingDate}</Dt></ValDt>` +
    (e.bankReference ? `<AcctSvcrRef>${escape(e.bankReference)}</AcctSvcrRef>` : '') +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${e.direction === 'CREDIT' ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>${details}</Ntry>`
  );
}

/** The statement's closing balance as the generator computes it. */
export function closingOf(statement: GeneratedStatement): Decimal {
  return statement.entries.reduce((total, e) => (e.direction === 'CREDIT' ? total.plus(e.amount) : total.minus(e.amount)), new Decimal(statement.opening));
}

/** The file's text in pieces (a 100,000-entry file is written without one 50 MB string being built twice). */
export function* camt053Chunks(statements: GeneratedStatement[], messageId = 'MSG-TEST-1'): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-11-30T20:00:00+05:30</CreDtTm></GrpHdr>`;
  for (const s of statements) {
    const id = s.iban ? `<IBAN>${s.accountNumber}</IBAN>` : `<Othr><Id>${s.accountNumber}</Id></Othr>`;
    const closing = s.closingOverride !== undefined ? new Decimal(s.closingOverride) : closingOf(s);
    yield `<Stmt><Id>${escape(s.statementId)}</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2026-11-30T20:00:00+05:30</CreDtTm><Acct><Id>${id}</Id><Ccy>${s.currency}</Ccy><Svcr><FinInstnId><BICFI>SBININBB</BICFI></FinInstnId></Svcr></Acct>`;
    yield balance('OPBD', new Decimal(s.opening), s.currency, s.openingDate) + balance('CLBD', closing, s.currency, s.closingDate);
    let batch = '';
    for (let i = 0; i < s.entries.length; i += 1) {
      batch += entry(s.entries[i]!, s.currency);
      if (batch.length > 64_000) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</Stmt>`;
  }
  yield '</BkToCstmrStmt></Document>\n';
}

export function camt053(statements: GeneratedStatement[], messageId?: string): string {
  return [...camt053Chunks(statements, messageId)].join('');
}

/** `count` entries on `date`: alternating UPI aggregator credits and NEFT payout debits, with UTRs, deterministic. */
export function sampleEntries(count: number, date: string, seed = 1): GeneratedEntry[] {
  const entries: GeneratedEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = seed * 1_000_003 + i;
    const credit = i % 3 !== 2;
    const rupees = 100 + ((n * 7919) % 90_000);
    const paise = (n * 31) % 100;
    entries.push({
      amount: `${rupees}.${String(paise).padStart(2, '0')}`,
      direction: credit ? 'CREDIT' : 'DEBIT',
      bookingDate: date,
      bankReference: `SBI${String(n).padStart(12, '0')}`,
      utr: credit ? String(400_000_000_000 + n).slice(0, 12) : `SBIN${date.replace(/-/g, '')}${String(n).padStart(14, '0')}`.slice(0, 22),
      endToEndId: credit ? `COD-${n}` : `PAYOUT-${n}`,
      remittance: credit ? `UPI settlement batch ${Math.floor(i / 50)}` : `COD remittance BL${String(1 + (n % 999)).padStart(6, '0')}`,
      counterpartyName: credit ? 'Razorpay Payments' : `Seller ${n % 997}`,
    });
  }
  return entries;
}
