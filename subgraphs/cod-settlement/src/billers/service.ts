import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { changeSummary, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, eq, type SQL } from 'drizzle-orm';
import { contractTerms, type ContractTermsInput } from '../contracts/domain.js';
import { contractSummary, feeScheduleOn, insertContractVersionInTx } from '../contracts/service.js';
import { findOffice } from '../offices/repository.js';
import { actorName, billerSummary, stageBillerAudit } from './audit.js';
import { assertSignedIn, visibleBiller, visibleBillerByCode, visibleBillersCondition } from './access.js';
import { bankAccountView, type BankAccountView } from './bank-account-view.js';
import { requestBankChange } from './bank-change.js';
import type { BillerDeps } from './deps.js';
import {
  BILLER_STATUSES,
  BILLER_TYPES,
  billerCodeOf,
  checkBankAccount,
  checkBillerStatus,
  checkBillerType,
  checkContact,
  checkGstin,
  checkStatusChange,
  checkText,
  LIMITS,
  maskAccountNumber,
  type BankAccountInput,
  type ContactInput,
} from './domain.js';
import { BillerError } from './errors.js';
import { activeBankAccount, bankAccountsOf, billerSearch, insertBankAccount, pendingBankAccount, insertBiller, listBillers, lockBiller, nextBillerSerial, updateBillerRow, type BillerRow } from './repository.js';
import { billers } from './tables.js';

export interface RegisterBillerInput {
  name: string;
  type: string;
  gstin?: string | null;
  contact: ContactInput;
  settlementOfficeCode: string;
  bankAccount: BankAccountInput;
  contract?: ContractTermsInput | null;
}

export interface UpdateBillerInput {
  name?: string | null;
  contact?: ContactInput | null;
  status?: string | null;
}

export interface BillerFilter {
  status?: string | null;
  type?: string | null;
  search?: string | null;
  settlementOfficeCode?: string | null;
}

/** The settlement office: known, in the caller's cod.biller.manage scope, an ACTIVE head office (its bank pays billers). */
async function settlementOffice(deps: BillerDeps, identity: Identity, code: unknown) {
  const office = typeof code === 'string' && code.length <= 64 ? await findOffice(deps.database.db, code) : undefined;
  const refuse = (why: string) => new BillerError('OFFICE_NOT_ELIGIBLE', `${why}; a biller is settled by an active head office`, { field: 'settlementOfficeCode' });
  if (!office) throw refuse(`no office ${String(code)} is known`);
  assertCan(identity, 'cod.biller.manage', office);
  if (office.type !== 'HEAD_OFFICE') throw refuse(`${office.code} is a ${office.type}, not a head office`);
  if (office.status !== 'ACTIVE') throw refuse(`${office.code} is ${office.status}`);
  return office;
}

export function createBillerService(deps: BillerDeps) {
  const today = () => businessDate(deps.clock(), deps.timeZone);

  return {
    /**
     * Registers a biller (cod.biller.manage over its settlement office) with its payout account, ACTIVE from today,
     * and version 1 of its contract from today. The code is BL and the next serial.
     */
    async register(context: SignedRequestContext, input: RegisterBillerInput): Promise<BillerRow> {
      const { identity } = context;
      assertHolds(identity, 'cod.biller.manage');
      const name = checkText(input.name, 'name', LIMITS.name);
      const type = checkBillerType(input.type);
      const gstin = checkGstin(input.gstin);
      const contact = checkContact(input.contact);
      const account = checkBankAccount(input.bankAccount);
      const office = await settlementOffice(deps, identity, input.settlementOfficeCode);
      const registeredOn = today();
      const terms = contractTerms(input.contract, await feeScheduleOn(deps, registeredOn));
      return transaction(deps.database, 'read committed', async (tx) => {
        const now = deps.clock();
        const by = actorName(identity);
        const biller = await insertBiller(tx, {
          id: randomUUID(),
          code: billerCodeOf(await nextBillerSerial(tx)),
          name,
          type,
          gstin,
          contactName: contact.name,
          contactEmail: contact.email,
          contactPhone: contact.phone,
          settlementOfficeCode: office.code,
          settlementOfficePath: office.path,
          currency: deps.currency,
          status: 'ACTIVE',
          createdBy: by,
          createdAt: now,
        });
        const bank = await insertBankAccount(tx, {
          id: randomUUID(),
          billerId: biller.id,
          accountHolderName: account.holderName,
          accountNumber: account.accountNumber,
          ifsc: account.ifsc,
          status: 'ACTIVE',
          approvalRequestId: null,
          requestedBy: by,
          requestedAt: now,
          activatedOn: registeredOn,
        });
        const contract = await insertContractVersionInTx(tx, biller, registeredOn, terms, { createdBy: by, now });
        await stageBillerAudit(tx, context, biller, {
          action: 'COD_BILLER_REGISTERED',
          after: { ...billerSummary(biller), bankAccountId: bank.id, accountNumber: maskAccountNumber(bank.accountNumber), ifsc: bank.ifsc, contract: contractSummary(contract) },
        });
        return biller;
      });
    },

    /** Name, contact or status (cod.biller.manage over its office), if the biller is still at `expectedVersion`. */
    async update(context: SignedRequestContext, id: string, input: UpdateBillerInput, expectedVersion: number): Promise<BillerRow> {
      const { identity } = context;
      const seen = await visibleBiller(deps.database.db, identity, id);
      assertCan(identity, 'cod.biller.manage', seen.settlementOfficePath);
      const changes: Parameters<typeof updateBillerRow>[2] = {};
      if (input.name != null) changes.name = checkText(input.name, 'name', LIMITS.name);
      if (input.contact != null) {
        const contact = checkContact(input.contact);
        Object.assign(changes, { contactName: contact.name, contactEmail: contact.email, contactPhone: contact.phone });
      }
      const status = input.status == null ? undefined : checkBillerStatus(input.status);
      return transaction(deps.database, 'read committed', async (tx) => {
        const biller = (await lockBiller(tx, id))!;
        if (biller.version !== expectedVersion) {
          throw new BillerError('VERSION_CONFLICT', `biller ${biller.code} is at version ${biller.version}, not ${expectedVersion}: read it again`, {
            field: 'expectedVersion',
            details: { version: biller.version },
          });
        }
        if (status !== undefined) {
          checkStatusChange(biller.status as (typeof BILLER_STATUSES)[number], status);
          changes.status = status;
        }
        const summary = changeSummary(billerSummary(biller), billerSummary({ ...biller, ...changes }));
        if (!summary.after) return biller;
        const updated = await updateBillerRow(tx, id, changes);
        await stageBillerAudit(tx, context, updated, { action: 'COD_BILLER_UPDATED', ...changeSummary(billerSummary(biller), billerSummary(updated)) });
        return updated;
      });
    },

    requestBankChange: (context: SignedRequestContext, billerId: string, bankAccount: BankAccountInput, reason: string) =>
      requestBankChange(deps, context, billerId, bankAccount, reason),

    /** The biller if the caller may see it, else null (not found and not yours look the same). */
    async find(identity: Identity, id: string): Promise<BillerRow | null> {
      try {
        return await visibleBiller(deps.database.db, identity, id);
      } catch (error) {
        if (error instanceof BillerError && error.code === 'BILLER_NOT_FOUND') return null;
        throw error;
      }
    },

    /** The payout account now, masked unless the caller holds cod.bank.read over the settlement office. */
    async bankAccount(identity: Identity, biller: BillerRow): Promise<BankAccountView | null> {
      const row = await activeBankAccount(deps.database.db, biller.id);
      return row ? bankAccountView(identity, biller, row) : null;
    },

    async pendingBankChange(identity: Identity, biller: BillerRow): Promise<BankAccountView | null> {
      const row = await pendingBankAccount(deps.database.db, biller.id);
      return row ? bankAccountView(identity, biller, row) : null;
    },

    async bankAccounts(identity: Identity, biller: BillerRow): Promise<BankAccountView[]> {
      return (await bankAccountsOf(deps.database.db, biller.id)).map((row) => bankAccountView(identity, biller, row));
    },

    findByCode: (identity: Identity, code: string) => visibleBillerByCode(deps.database.db, identity, code),

    /** Billers the caller may see, by code (the order they were registered), in keyset pages. */
    async list(identity: Identity, filter: BillerFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<BillerRow>> {
      assertSignedIn(identity);
      const size = pageSize(first);
      const cursor = decodeCursor(after, 1);
      if (cursor && !/^BL[0-9]{6}$/.test(cursor[0]!)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
      const conditions: SQL[] = [visibleBillersCondition(identity)];
      if (filter?.status != null) conditions.push(eq(billers.status, checkBillerStatus(filter.status, 'filter.status')));
      if (filter?.type != null) {
        if (!(BILLER_TYPES as readonly string[]).includes(filter.type)) throw new BadUserInputError('filter.type', `type is one of ${BILLER_TYPES.join(', ')}`);
        conditions.push(eq(billers.type, checkBillerType(filter.type)));
      }
      if (filter?.settlementOfficeCode != null) conditions.push(eq(billers.settlementOfficeCode, filter.settlementOfficeCode));
      if (filter?.search != null && filter.search.trim() !== '') conditions.push(billerSearch(checkText(filter.search, 'filter.search', LIMITS.search)));
      const rows = await listBillers(deps.database.db, { conditions: [and(...conditions)!], afterCode: cursor?.[0], limit: size + 1 });
      return toConnection(rows, size, (row) => [row.code]);
    },
  };
}

export type BillerService = ReturnType<typeof createBillerService>;
