import type { Identity } from '@postal/auth';
import { isCalendarDate } from '@postal/calendar';
import type { Database } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { LEDGER_CURRENCY } from '../ledger-accounts/office-events.js';
import type { Loaders } from '../loaders.js';
import { moneyOf } from '../reports/amounts.js';
import type { CodPayableBalance } from './model.js';
import { COD_SETTLEMENT_SERVICE } from './post-movement.js';
import { payableBalances } from './repository.js';
import { billerPayableCode } from './rules.js';
import { prepareBankLedgerAccount, type PrepareBankLedgerAccountInput } from './bank-ledger-accounts.js';
import type { SignedRequestContext } from '@postal/auth';

/** Billers one question may name (a reconciliation asks for a page of billers at a time). */
export const MAX_NAMED_BILLERS = 1_000;
/** Billers one office answers for when none are named: more than that, and the caller must name them. */
export const MAX_OFFICE_BILLERS = 10_000;

const BILLER_CODE = /^BL[0-9]{6}$/;

export function requireCodSettlement(identity: Identity, what: string): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (identity.kind !== 'service' || identity.service !== COD_SETTLEMENT_SERVICE) throw new ForbiddenError(`${what} is for the cod-settlement service only`);
}

export interface CodPayableQuery {
  settlementOfficeCode: string;
  /** The billers to answer for (each answered, zero when it has no account yet); null: every biller with an account. */
  billerCodes?: readonly string[] | null;
  /** The end of this business date; null: everything posted. */
  asOf?: string | null;
}

function checkQuery(query: CodPayableQuery): { billerCodes: string[] | null; asOf: string | null } {
  const asOf = query.asOf ?? null;
  if (asOf !== null && !isCalendarDate(asOf)) throw new BadUserInputError('asOf', 'asOf must be a date, YYYY-MM-DD');
  if (query.billerCodes === null || query.billerCodes === undefined) return { billerCodes: null, asOf };
  if (query.billerCodes.length > MAX_NAMED_BILLERS) throw new BadUserInputError('billerCodes', `at most ${MAX_NAMED_BILLERS} billers at a time`, { max: MAX_NAMED_BILLERS });
  const invalid = query.billerCodes.find((code) => typeof code !== 'string' || !BILLER_CODE.test(code));
  if (invalid !== undefined) throw new BadUserInputError('billerCodes', `${String(invalid).slice(0, 40)} is not a biller code (BL and six digits)`);
  return { billerCodes: [...new Set(query.billerCodes)].sort(), asOf };
}

/** The ledger's service-only side of cash on delivery: what each biller is owed, for cod-settlement's reconciliation. */
export function createCodLedgerService(database: Database, options: { loaders: Loaders }) {
  const { loaders } = options;

  return {
    /**
     * Each biller's COD payable at its settlement office (`<office>:2200:<biller>`), credits less debits, as of the end
     * of `asOf` or now, ordered by biller code: the billers named (zero for one the ledger has no account for yet, in
     * the ledger's currency) or every biller with an account there.
     */
    async codPayableBalances(identity: Identity, query: CodPayableQuery): Promise<CodPayableBalance[]> {
      requireCodSettlement(identity, 'the COD payable balances');
      const { billerCodes, asOf } = checkQuery(query);
      const officeCode = query.settlementOfficeCode;
      const path = typeof officeCode === 'string' && officeCode.length > 0 && officeCode.length <= 64 ? await loaders.officePaths.load(officeCode) : undefined;
      if (path === null || path === undefined) throw new OfficeNotFoundError(String(officeCode).slice(0, 64));
      const codes = billerCodes?.map((billerCode) => billerPayableCode(officeCode, billerCode)) ?? null;
      const limit = codes === null ? MAX_OFFICE_BILLERS + 1 : codes.length;
      const rows = await payableBalances(database.db, { officeCode, codes, asOf, limit });
      if (codes === null && rows.length > MAX_OFFICE_BILLERS) {
        throw new BadUserInputError('billerCodes', `office ${officeCode} has more than ${MAX_OFFICE_BILLERS} billers: name them, a page at a time`, { max: MAX_OFFICE_BILLERS });
      }
      const prefix = billerPayableCode(officeCode, '');
      const found = new Map(rows.map((row) => [row.code.slice(prefix.length), row]));
      const answered = billerCodes ?? [...found.keys()];
      return answered.map((billerCode) => {
        const row = found.get(billerCode);
        return {
          billerCode,
          accountCode: billerPayableCode(officeCode, billerCode),
          balance: row ? moneyOf(row.balance, row.currency) : moneyOf('0', LEDGER_CURRENCY),
        };
      });
    },

    /** The ledger account of one of the operator's bank accounts, checked or opened (bank-ledger-accounts.ts). */
    prepareBankLedgerAccount: (context: SignedRequestContext, input: PrepareBankLedgerAccountInput) => prepareBankLedgerAccount(database, loaders, context, input),
  };
}

export type CodLedgerService = ReturnType<typeof createCodLedgerService>;
