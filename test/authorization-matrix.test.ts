import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { hashPassword, type Identity } from '@postal/auth';
import { isPermission } from '@postal/authz';
import { rowsOf } from '@postal/db';
import { createMemoryNotifier } from '@postal/notify';
import { parseEvent, type AnyEvent } from '@postal/events';
import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleOfficeEvent } from '../subgraphs/accounts/src/ledger-accounts/office-events.js';
import { createBusinessDayService } from '../subgraphs/accounts/src/business-days/service.js';
import { createJournalService } from '../subgraphs/accounts/src/journal/service.js';
import { createAccountService } from '../subgraphs/accounts/src/ledger-accounts/service.js';
import { createReportService } from '../subgraphs/accounts/src/reports/service.js';
import { createLedgerVerificationService } from '../subgraphs/accounts/src/sealing/service.js';
import { createLoaders as createAccountsLoaders } from '../subgraphs/accounts/src/loaders.js';
import { createMoneyOrderLedgerService } from '../subgraphs/accounts/src/money-orders/service.js';
import { createApprovalService } from '../subgraphs/administration/src/approvals/service.js';
import { storeAuditEvent } from '../subgraphs/administration/src/audit/consumer.js';
import { auditEvent } from '../subgraphs/administration/src/audit/events.js';
import { createAuditService } from '../subgraphs/administration/src/audit/service.js';
import { createAuthService } from '../subgraphs/administration/src/auth/service.js';
import { insertOfficesIfAbsent } from '../subgraphs/administration/src/offices/repository.js';
import { createOfficeService } from '../subgraphs/administration/src/offices/service.js';
import { createRoleLoaders, grantsOfRoles } from '../subgraphs/administration/src/roles/loaders.js';
import { createRoleService } from '../subgraphs/administration/src/roles/service.js';
import { createSessionService } from '../subgraphs/administration/src/sessions/service.js';
import { allRolePermissions } from '../subgraphs/administration/src/roles/repository.js';
import { seedDemoAdministration } from '../subgraphs/administration/src/seed/demo.js';
import { insertStaff, openAssignment } from '../subgraphs/administration/src/staff/repository.js';
import { createStaffService } from '../subgraphs/administration/src/staff/service.js';
import { identityOf, requestAs } from '../subgraphs/administration/src/test-support/identities.js';
import { createFeeService } from '../subgraphs/cod-settlement/src/fees/service.js';
import { createBillerService } from '../subgraphs/cod-settlement/src/billers/service.js';
import { createContractService } from '../subgraphs/cod-settlement/src/contracts/service.js';
import { handleOfficeEvent as handleCodOfficeEvent } from '../subgraphs/cod-settlement/src/offices/repository.js';
import { BILLER_AT, codArticleOperations, COD_ARTICLE_EXPECTED, createCodFixtures, type CodMatrixContext } from './support/cod-articles-matrix.js';
import { codPayableBalancesAs, codSettlementOperations, COD_SETTLEMENT_EXPECTED } from './support/cod-settlement-matrix.js';
import { reconOperations, RECON_EXPECTED } from './support/recon-matrix.js';
import { buildSettlementBatches } from '../subgraphs/cod-settlement/src/settlement/build.js';
import { DEFAULT_PAYOUT_BANK } from '../subgraphs/cod-settlement/src/settlement/deps.js';
import { submitSettlementBatches } from '../subgraphs/cod-settlement/src/settlement/submit.js';
import { codAging } from '../subgraphs/cod-settlement/src/summaries/service.js';
import { createLimitService } from '../subgraphs/money-orders/src/limits/service.js';
import { createTariffService } from '../subgraphs/money-orders/src/tariffs/service.js';
import { handleOfficeEvent as handleMoneyOrderOfficeEvent } from '../subgraphs/money-orders/src/offices/events.js';
import { createBulkService } from '../subgraphs/money-orders/src/bulk/service.js';
import { InProcessJobQueue } from '@postal/jobs';
import { createTrackingService } from '../subgraphs/money-orders/src/tracking/service.js';
import { createMemoryRateLimiter } from '../subgraphs/money-orders/src/tracking/rate-limit.js';
import { bookingInput, codeSentTo, harness, settleLedger, type Harness } from '../subgraphs/money-orders/src/test-support/orders.js';

/**
 * The authorization matrix: every role (and an anonymous caller) x every mutation and sensitive query x where the
 * thing is, against the real database and the permissions the migrations seed (identities are built from
 * role_permissions the way login builds them). It is driven at the service layer, where the rules live; the gateway
 * adds nothing to them. Every actor works at the New Delhi GPO (NDGPO), so:
 *   own   = NDGPO, their own office;
 *   below = NDGPO-CP, a sub office under it (a subtree grant reaches it, an own-office grant does not);
 *   other = ASVHO, a head office in another division (nobody at NDGPO reaches it).
 *
 * Outcomes: A = ALLOW; F = FORBIDDEN; N = NOT_FOUND (null, absent from a list, or a *_NOT_FOUND code: out of sight);
 * U = UNAUTHENTICATED; W = refused because it would widen the caller's own rights or skip the second pair of eyes
 * (ROLE_NOT_GRANTABLE, CANNOT_CHANGE_OWN_ROLES, MAKER_CANNOT_APPROVE); - = does not apply (the operation names
 * no office and is asked once, in the first column; or the caller cannot be in that situation).
 * Any other answer shows as its error code and fails the test. Adding an operation is one line in EXPECTED and one
 * entry in OPERATIONS.
 *
 * BILLER is one of a biller's own people (bound to BL700001, the COD rows' biller settled at NDGPO; managed from NDGPO
 * like the others): its one permission, cod.biller.self, names its biller and no office, so its column is a person
 * with no office rights at all: only `me`, its own password and session, and the public tracking page. What
 * cod.biller.self allows comes with the COD rows, where a place names a biller too: for the BILLER, own = its own
 * biller's article, batch or figures (allowed where the role allows it), below and other = another biller's (refused).
 */

const ACTORS = ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN', 'BILLER', 'ANONYMOUS'] as const;
type Actor = (typeof ACTORS)[number];
const PLACES = ['own', 'below', 'other'] as const;
type Place = (typeof PLACES)[number];
const OFFICE_AT: Record<Place, string> = { own: 'NDGPO', below: 'NDGPO-CP', other: 'ASVHO' };

// prettier-ignore
const EXPECTED: Record<string, string> = {
  //                                                      ADMIN FINANCE AUDITOR CLERK POSTMAN BILLER ANONYMOUS
  // Offices
  'office(code)':                                        'AAN   AAN     AAN     AAN   ANN     NNN    UUU',
  'offices (lists the office)':                          'AAN   AAN     AAN     AAN   ANN     NNN    UUU',
  'Office.children of its parent (lists the office)':    'AAN   AAN     AAN     AAN   ANN     NNN    UUU',
  'createOffice (under the office)':                     'AAN   FFN     FFN     FFN   FNN     NNN    UUU',
  'renameOffice':                                        'AAN   FFN     FFN     FFN   FNN     NNN    UUU',
  'updateOffice':                                        'AAN   FFN     FFN     FFN   FNN     NNN    UUU',
  'moveOffice (a branch office under it, to NDGPO-KB)':  'AAN   FFN     FFN     FFN   NNN     NNN    UUU',
  'closeOffice (a branch office under it)':              'AAN   FFN     FFN     FFN   NNN     NNN    UUU',
  // Staff
  'me':                                                  'A--   A--     A--     A--   A--     A--    U--',
  'staff(id)':                                           'AAN   AAN     AAN     NNN   NNN     NNN    UUU',
  // What someone's roles allow is seen with them, never without: the field adds no way to see a person.
  'Staff.grants (of a person through staff(id))':         'AAN   AAN     AAN     NNN   NNN     NNN    UUU',
  'staffMembers (lists the person)':                     'AAN   AAN     AAN     FFF   FFF     FFF    UUU',
  'createStaff':                                         'AAN   FFF     FFF     FFF   FFF     FFF    UUU',
  'updateStaff':                                         'AAN   FFN     FFN     NNN   NNN     NNN    UUU',
  'assignStaff (into the office)':                       'AAN   FFF     FFF     NNN   NNN     NNN    UUU',
  'assignStaff (out of the office)':                     'AAN   FFN     FFN     NNN   NNN     NNN    UUU',
  'suspendStaff':                                        'AAN   FFN     FFN     NNN   NNN     NNN    UUU',
  'reinstateStaff':                                      'AAN   FFN     FFN     NNN   NNN     NNN    UUU',
  'markStaffLeft':                                       'AAN   FFN     FFN     NNN   NNN     NNN    UUU',
  'resetPassword':                                       'AAN   FFF     FFF     FFF   FFF     FFF    UUU',
  'changePassword (own)':                                'A--   A--     A--     A--   A--     A--    U--',
  'logout (own session)':                                'A--   A--     A--     A--   A--     A--    U--',
  'sessionRevocations (the gateway only)':               'F--   F--     F--     F--   F--     F--    U--',
  // Roles and maker-checker
  'grantRole (a role the maker holds)':                  'AAF   FFF     FFF     FFF   FFF     FFF    UUU',
  // Delegation is data (role_delegations): an administrator grants every role, ones they do not hold included.
  'grantRole (a role the maker lacks)':                  'AAF   FFF     FFF     FFF   FFF     FFF    UUU',
  'grantRole (to oneself)':                              'W--   W--     W--     W--   W--     W--    U--',
  'revokeRole':                                          'AAF   FFF     FFF     FFF   FFF     FFF    UUU',
  'approve (a request someone else made)':               'AAF   FFF     FFF     FFF   FFF     FFF    UUU',
  'approve (a request the caller made)':                 'W--   ---     ---     ---   ---     ---    ---',
  'reject (a request someone else made)':                'AAF   FFF     FFF     FFF   FFF     FFF    UUU',
  'approvalRequest(id)':                                 'AAN   AAN     AAN     NNN   NNN     NNN    UUU',
  'approvalRequests (lists the request)':                'AAN   AAN     AAN     NNN   NNN     NNN    UUU',
  // Waiting for me: what the caller may decide, as approve and reject say (a role grant: role.approve).
  'approvalRequests waitingForMe (lists the request)':   'AAN   NNN     NNN     NNN   NNN     NNN    UUU',
  // Audit trail
  'auditTrail (lists a record of the office)':           'AAN   FFF     AAN     FFF   FFF     FFF    UUU',
  'auditRecord(id) (a record of the office)':            'AAN   FFF     AAN     FFF   FFF     FFF    UUU',
  'verifyAuditTrail':                                    'A--   F--     A--     F--   F--     F--    U--',
  // Ledger (accounts subgraph)
  'ledgerAccounts of the office':                        'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'Account reference (_entities)':                       'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'accountStatement of the office\'s cash':              'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'trialBalance of the office':                          'FFF   AAF     AAF     AFF   FFF     FFF    UUU',
  'journalEntry(id) of an entry at the office':          'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'journalEntries (lists an entry at the office)':       'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'openAccount (a detail account of the office)':        'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'setAccountStatus (freeze an account of the office)':  'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'postJournalEntry (a manual journal at the office)':   'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'reverseJournalEntry (an entry at the office)':        'NNN   AAN     FFN     FNN   NNN     NNN    UUU',
  'placeHold (service only)':                            'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
  'closeBusinessDay of the office':                      'FFF   AAF     FFF     AFF   FFF     FFF    UUU',
  'officesNotClosedThrough (lists the office)':          'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'verifyLedger':                                        'A--   F--     A--     F--   F--     F--    U--',
  'officeLedgerStatus (service only)':                   'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
  'reserveMoneyOrderCash (money-orders only)':           'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
  'moneyOrderControlBalance (money-orders only)':        'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
  // An order's entries, as journalEntry(id) reads them: in the caller's ledger.read scope, else absent.
  'MoneyOrder.ledgerEntries (an entry at the office)':   'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'submitApprovalRequest (service only)':                'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
  // Quotes (money-orders, cod-settlement): no office named, the permission anywhere
  'moneyOrderQuote':                                     'F--   A--     F--     A--   F--     F--    U--',
  // Money orders: an order booked at the office and payable there. Out of the caller's sight an order is not found.
  'bookMoneyOrder (at the office)':                      'FFF   FFF     FFF     AFF   FFF     FFF    UUU',
  'payMoneyOrder (payable at the office)':               'FFF   FFF     FFF     AFF   FFF     FFF    UUU',
  'resendMoneyOrderCode':                                'NNN   FFN     FFN     ANN   NNN     NNN    UUU',
  'stopMoneyOrder (booked at the office)':               'NNN   FFN     FFN     ANN   NNN     NNN    UUU',
  'returnMoneyOrder (payable at the office)':            'NNN   FFN     FFN     ANN   NNN     NNN    UUU',
  'lockMoneyOrder':                                      'NNN   AAN     FFN     FNN   NNN     NNN    UUU',
  'releaseMoneyOrder (a locked order)':                  'NNN   AAN     FFN     FNN   NNN     NNN    UUU',
  // A refund is paid at a counter, named like a booking's: mo.book there decides first.
  'refundMoneyOrder (a stopped order booked there)':     'FFF   FFF     FFF     AFF   FFF     FFF    UUU',
  'moneyOrder(reference)':                               'NNN   AAN     AAN     ANN   NNN     NNN    UUU',
  'moneyOrders (lists the order)':                       'FFF   AAN     AAN     ANN   FFF     FFF    UUU',
  'Office.moneyOrderSummary':                            'FFF   AAF     AAF     AFF   FFF     FFF    UUU',
  'moneyOrderReconciliation of the office':              'FFF   AAF     AAF     AFF   FFF     FFF    UUU',
  // A department's file, booked at the office as a job; and a tariff change, which is the network's (the root's).
  'bookMoneyOrders (a file at the office)':              'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'proposeMoneyOrderTariff':                             'F--   F--     F--     F--   F--     F--    U--',
  // Public: the sender follows the order with its reference and their phone, signed in or not.
  'trackMoneyOrder':                                     'A--   A--     A--     A--   A--     A--    A--',
  'moneyOrderTariffs':                                   'F--   A--     F--     A--   F--     F--    U--',
  'moneyOrderLimits':                                    'F--   A--     F--     A--   F--     F--    U--',
  'codFeeQuote':                                         'F--   A--     F--     A--   F--     F--    U--',
  // Billers and contracts (cod-settlement): a biller settled at the office (a head office: none is below NDGPO). Finance
  // officers manage them; auditors, clerks and postmen with cod.read see them (bank numbers masked); a biller's own
  // people see only their own biller (this one is another's).
  'registerBiller (settled at the office)':              'F-F   A-F     F-F     F-F   F-F     F-F    U-U',
  'biller(id)':                                          'N-N   A-N     A-N     A-N   A-N     N-N    U-U',
  'billerByCode':                                        'N-N   A-N     A-N     A-N   A-N     N-N    U-U',
  'billers (lists the biller)':                          'N-N   A-N     A-N     A-N   A-N     N-N    U-U',
  'updateBiller':                                        'N-N   A-N     F-N     F-N   F-N     N-N    U-U',
  'requestBillerBankChange':                             'N-N   A-N     F-N     F-N   F-N     N-N    U-U',
  'createContractVersion':                               'N-N   A-N     F-N     F-N   F-N     N-N    U-U',
  ...COD_ARTICLE_EXPECTED,
  // COD settlement: finance officers build, submit and read batches over their subtree; a batch that is not there is
  // not found.
  'buildSettlementBatches (at the office)':              'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'submitSettlementBatches':                             'F--   N--     F--     F--   F--     F--    U--',
  'codAging':                                            'F--   A--     A--     A--   A--     F--    U--',
  ...COD_SETTLEMENT_EXPECTED,
  ...RECON_EXPECTED,
};

type Outcome = 'A' | 'F' | 'N' | 'U' | 'W' | '-';

let testDatabase: TestDatabase;
const identities = {} as Record<Actor, Identity>;
const clock = () => new Date('2026-11-22T06:30:00Z');
let services: ReturnType<typeof buildServices>;

/** changePassword signs a fresh token for the calling session. */
const JWT_PRIVATE_KEY = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

function buildServices(database: TestDatabase['database']) {
  const options = { database, clock, timeZone: 'Asia/Kolkata' };
  const billerOptions = { ...options, currency: 'INR' };
  const approvals = createApprovalService({ ...options, identitySecret: 'matrix-identity-secret-0123456789abcdef' });
  return {
    offices: createOfficeService({
      ...options,
      // Closing asks the ledger; here it always answers "nothing open" so only authorization decides.
      accounts: { officeLedgerStatus: async (officeCode: string) => ({ officeCode, hasOpenBalances: false, nonZeroAccounts: [], hasPendingHolds: false, closedThrough: null }) },
    }),
    staff: createStaffService({ ...options, notifier: createMemoryNotifier() }),
    roles: createRoleService({ ...options, approvals }),
    approvals,
    audit: createAuditService(database),
    auth: createAuthService({ database, jwtPrivateKey: JWT_PRIVATE_KEY, tokenTtlSeconds: 60, lockout: { maxFailures: 5, lockMinutes: 15 }, clock }),
    sessions: createSessionService({ database, tokenTtlSeconds: 60 }),
    accounts: createAccountService(database, { clock }),
    // Manual journals go to the inbox; here the inbox answers at once, so only authorization decides.
    journal: createJournalService(database, { clock, approvals: { submit: async () => ({ id: randomUUID(), status: 'PENDING' }) } }),
    reports: createReportService(database),
    businessDays: createBusinessDayService({ database, clock }),
    ledger: createLedgerVerificationService(database),
    moneyOrderLedger: createMoneyOrderLedgerService(database, { clock, loaders: createAccountsLoaders(database.db, { cache: false }) }),
    tariffs: createTariffService({ ...options, currency: 'INR' }),
    limits: createLimitService({ ...options, currency: 'INR' }),
    fees: createFeeService(options),
    // Bank changes go to the inbox; here it answers at once, so only authorization decides.
    billers: createBillerService({ ...billerOptions, approvals: { submit: async () => ({ id: randomUUID(), status: 'PENDING' }) } }),
    contracts: createContractService(billerOptions),
  };
}

let sequence = 0;
/** Every actor's and target's password, hashed once (scrypt is slow on purpose). */
const MATRIX_PASSWORD = 'the matrix secret';
let matrixPasswordHash = '';

/** A fresh member of staff at an office (each cell changes its own, so cells never depend on each other). */
async function person(officeCode: string, status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE', roles: string[] = []): Promise<string> {
  sequence += 1;
  return testDatabase.database.db.transaction(async (tx) => {
    const created = await insertStaff(tx, {
      employeeId: String(70_000_000 + sequence),
      username: `target${sequence}`,
      name: `Target ${sequence}`,
      passwordHash: matrixPasswordHash,
      officeCode,
      roles,
      mustChangePassword: false,
    });
    await openAssignment(tx, { staffId: created.id, officeCode, startedAt: clock(), assignedBy: null });
    if (status === 'SUSPENDED') {
      await tx.execute(sql`update administration.staff set status = 'SUSPENDED', suspended_at = now(), suspension_reason = 'matrix' where id = ${created.id}`);
    }
    return created.id;
  });
}

const contextOf = (actor: Actor) => requestAs(identities[actor]);
const usernameOf = async (id: string) =>
  rowsOf<{ username: string }>(await testDatabase.database.db.execute(sql`select username from administration.staff where id = ${id}`))[0]!.username;
/** The role each actor holds, to grant; an anonymous caller asks for one too. */
const roleOf = (actor: Actor) => (actor === 'ANONYMOUS' ? 'POSTMAN' : actor);
/** Not one they hold (the auditor asks for ADMIN, everyone else for AUDITOR). */
const otherRoleOf = (actor: Actor) => (actor === 'AUDITOR' ? 'ADMIN' : 'AUDITOR');

/** A fresh branch office directly under an office (a head or sub office), in account with it. */
async function branchUnder(parentCode: string): Promise<string> {
  sequence += 1;
  const code = `BO${sequence}`;
  const [parent] = rowsOf<{ path: string }>(await testDatabase.database.db.execute(sql`select path from administration.offices where code = ${parentCode}`));
  await testDatabase.database.db.transaction((tx) =>
    insertOfficesIfAbsent(tx, [
      { code, name: `Branch ${sequence}`, type: 'BRANCH_OFFICE', parentCode, path: `${parent!.path}/${code}`, accountOfficeCode: parentCode, pin: '110001', openedOn: '2026-11-01' },
    ]),
  );
  return code;
}

/** A PENDING role grant for someone at an office, asked for by the circle administrator (not any matrix actor). */
async function pendingRequestAt(officeCode: string): Promise<string> {
  const admin = await identityOf(testDatabase.database.db, 'admin');
  const request = await services.roles.grantRole(requestAs(admin), { username: await usernameOf(await person(officeCode)), role: 'ADMIN' });
  return request.id;
}

/** An audit record about an office, stored the way the audit consumer stores every subgraph's events. */
async function auditRecordAt(officeCode: string): Promise<string> {
  sequence += 1;
  const target = `matrix-${sequence}`;
  const event = auditEvent(requestAs({ kind: 'service', service: 'matrix' }), { action: 'MATRIX_PROBE', outcome: 'SUCCESS', target: { type: 'Probe', id: target }, officeCode });
  await testDatabase.database.db.transaction((tx) => storeAuditEvent(tx, event));
  return target;
}
const present = (value: unknown) => value !== null && value !== undefined;

const LEDGER_SERVICE = requestAs({ kind: 'service', service: 'money-orders' });
/** A journal entry at an office, posted by a service: cash in, commission income. */
async function entryAt(officeCode: string): Promise<string> {
  sequence += 1;
  const { entry } = await services.journal.postJournalEntry(LEDGER_SERVICE, {
    idempotencyKey: `matrix-entry-${sequence}`,
    officeCode,
    description: 'matrix',
    source: { type: 'MONEY_ORDER', reference: `MO-${sequence}` },
    postings: [
      { accountCode: `${officeCode}:1100`, side: 'DEBIT', amount: '10.00' },
      { accountCode: `${officeCode}:4100`, side: 'CREDIT', amount: '10.00' },
    ],
  });
  return entry!.id;
}
/** Business days closed by the matrix, one day further each time (all before the clock's business date). */
let closingDay = Date.UTC(2026, 8, 1);
function nextClosingDay(): string {
  closingDay += 86_400_000;
  return new Date(closingDay).toISOString().slice(0, 10);
}

/** The money-order services, with the ledger and the SMS gateway played by the test (test-support/orders.ts). */
let moneyOrderHarness: Harness | undefined;
const moneyOrders = () => (moneyOrderHarness ??= harness(testDatabase, { start: clock().toISOString() }));
/** Bulk uploads are only stored and queued here: no handler takes the job, so nothing is booked. */
let matrixJobs: InProcessJobQueue | undefined;
const bulkService = () => createBulkService(moneyOrders().deps, (matrixJobs ??= new InProcessJobQueue({ logger: pino({ level: 'silent' }) })));
/** Sets up the orders the cells act on, anywhere (a service identity is in scope everywhere). */
const MO_COUNTER: Identity = { kind: 'service', service: 'money-orders' };
let senders = 0;
/** Each order from a sender of its own, so the monthly cap per sender never decides a cell. */
const orderAt = (officeCode: string) => {
  senders += 1;
  const input = bookingInput({ officeCode, amount: '100' });
  return { ...input, sender: { ...input.sender, phone: `+9198${String(senders).padStart(8, '0')}` }, payee: { ...input.payee, payingOfficeCode: officeCode } };
};
/** An order booked and payable at an office, its booking posted by the (played) ledger: AVAILABLE. */
async function availableOrderAt(officeCode: string): Promise<{ reference: string; otp: string }> {
  const booked = await moneyOrders().orders.book(MO_COUNTER, orderAt(officeCode), 'matrix');
  await settleLedger(moneyOrders(), testDatabase);
  return { reference: booked.order.reference, otp: codeSentTo(moneyOrders().notifier, booked.order.payeePhone, 'MO_OTP') };
}

/** A biller settled at a head office, registered by a service (in scope everywhere), for the cells to read and change. */
const COD_SERVICE = requestAs({ kind: 'service', service: 'cod-settlement' });
const billerRegistration = (officeCode: string) => ({
  name: `Matrix seller ${(sequence += 1)}`,
  type: 'ECOMMERCE',
  contact: { name: 'Matrix', email: 'matrix@example.in', phone: '9812345678' },
  settlementOfficeCode: officeCode,
  bankAccount: { holderName: 'Matrix Seller', accountNumber: '001234567890', ifsc: 'SBIN0000691' },
});
const billerAt = (officeCode: string) => services.billers.register(COD_SERVICE, billerRegistration(officeCode));

/** The COD rows' context and fixtures (support/cod-*-matrix.ts), shared so their billers are written once. */
const codContext: CodMatrixContext = { database: () => testDatabase.database, identity: (actor) => identities[actor as Actor], officeAt: OFFICE_AT, clock };
const codFixtures = createCodFixtures(codContext);

interface Operation {
  /** Whether the cell's place matters; an operation with no office is asked once. */
  placed: boolean;
  /** Answers whether the thing was there for the caller (true = ALLOW, false = NOT_FOUND), or throws; 'skip' = '-'. */
  run: (actor: Actor, place: Place) => Promise<boolean | 'skip'>;
}

const OPERATIONS: Record<string, Operation> = {
  'office(code)': { placed: true, run: async (actor, place) => present(await services.offices.getOffice(identities[actor], OFFICE_AT[place])) },
  'offices (lists the office)': {
    placed: true,
    run: async (actor, place) => {
      const page = await services.offices.listOffices(identities[actor], { search: OFFICE_AT[place] }, 100, null);
      return page.edges.some((edge) => edge.node.code === OFFICE_AT[place]);
    },
  },
  'Office.children of its parent (lists the office)': {
    placed: true,
    run: async (actor, place) => {
      const office = await services.offices.getOffice({ kind: 'service', service: 'matrix' }, OFFICE_AT[place]);
      const parent = await services.offices.getOffice({ kind: 'service', service: 'matrix' }, office!.parentCode!);
      const page = await services.offices.children(identities[actor], parent!, 100, null);
      return page.edges.some((edge) => edge.node.code === OFFICE_AT[place]);
    },
  },
  'createOffice (under the office)': {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const parent = await services.offices.getOffice({ kind: 'service', service: 'matrix' }, OFFICE_AT[place]);
      const type = parent!.type === 'HEAD_OFFICE' ? 'SUB_OFFICE' : 'BRANCH_OFFICE';
      const input = { code: `NEW${sequence}`, name: `New ${sequence}`, type, parentCode: OFFICE_AT[place], pin: '110001' } as const;
      return present(await services.offices.createOffice(contextOf(actor), input));
    },
  },
  renameOffice: { placed: true, run: async (actor, place) => present(await services.offices.renameOffice(contextOf(actor), OFFICE_AT[place], `Renamed ${++sequence}`)) },
  updateOffice: {
    placed: true,
    run: async (actor, place) => present(await services.offices.updateOffice(contextOf(actor), OFFICE_AT[place], { phone: `011-2336${String(++sequence).padStart(4, '0')}` })),
  },
  'moveOffice (a branch office under it, to NDGPO-KB)': {
    placed: true,
    run: async (actor, place) => present(await services.offices.moveOffice(contextOf(actor), await branchUnder(OFFICE_AT[place]), 'NDGPO-KB', 'NDGPO-KB')),
  },
  'closeOffice (a branch office under it)': {
    placed: true,
    run: async (actor, place) => present(await services.offices.closeOffice(contextOf(actor), await branchUnder(OFFICE_AT[place]), '2026-11-22')),
  },
  me: { placed: false, run: async (actor) => present(await services.staff.me(identities[actor])) },
  'staff(id)': { placed: true, run: async (actor, place) => present(await services.staff.getStaff(identities[actor], await person(OFFICE_AT[place]))) },
  'Staff.grants (of a person through staff(id))': {
    placed: true,
    run: async (actor, place) => {
      const seen = await services.staff.getStaff(identities[actor], await person(OFFICE_AT[place], 'ACTIVE', ['POSTMAN']));
      if (!seen) return false;
      const grants = await grantsOfRoles(createRoleLoaders(testDatabase.database), seen.roles);
      return grants.some((grant) => grant.permission === 'cod.collect');
    },
  },
  'staffMembers (lists the person)': {
    placed: true,
    run: async (actor, place) => {
      const id = await person(OFFICE_AT[place]);
      const page = await services.staff.listStaff(identities[actor], { officeCode: OFFICE_AT[place] }, 100, null);
      return page.edges.some((edge) => edge.node.id === id);
    },
  },
  createStaff: {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const input = { employeeId: String(80_000_000 + sequence), username: `made${sequence}`, name: 'Made', officeCode: OFFICE_AT[place] };
      return present(await services.staff.createStaff(contextOf(actor), input));
    },
  },
  updateStaff: { placed: true, run: async (actor, place) => present(await services.staff.updateStaff(contextOf(actor), await person(OFFICE_AT[place]), { name: 'Renamed' })) },
  'assignStaff (into the office)': {
    placed: true,
    run: async (actor, place) => present(await services.staff.assignStaff(contextOf(actor), await person('NDGPO-KB'), OFFICE_AT[place])),
  },
  'assignStaff (out of the office)': {
    placed: true,
    run: async (actor, place) => present(await services.staff.assignStaff(contextOf(actor), await person(OFFICE_AT[place]), 'NDGPO-KB')),
  },
  suspendStaff: { placed: true, run: async (actor, place) => present(await services.staff.suspendStaff(contextOf(actor), await person(OFFICE_AT[place]), 'matrix')) },
  reinstateStaff: {
    placed: true,
    run: async (actor, place) => present(await services.staff.reinstateStaff(contextOf(actor), await person(OFFICE_AT[place], 'SUSPENDED'))),
  },
  markStaffLeft: {
    placed: true,
    run: async (actor, place) => present(await services.staff.markStaffLeft(contextOf(actor), await person(OFFICE_AT[place]), '2026-11-21')),
  },
  resetPassword: { placed: true, run: async (actor, place) => present(await services.staff.resetPassword(contextOf(actor), await person(OFFICE_AT[place]))) },
  'changePassword (own)': {
    placed: false,
    run: async (actor) => {
      sequence += 1;
      return present(await services.auth.changePassword(contextOf(actor), MATRIX_PASSWORD, `a new secret ${sequence}`).finally(resetMatrixPasswords));
    },
  },
  'logout (own session)': {
    placed: false,
    run: async (actor) => {
      const identity = identities[actor];
      // Every token has a session id; the identity the gateway signs carries it.
      return services.sessions.logout(requestAs(identity.kind === 'staff' ? { ...identity, sessionId: randomUUID() } : identity));
    },
  },
  'sessionRevocations (the gateway only)': {
    placed: false,
    run: async (actor) => present(await services.sessions.revocations(contextOf(actor), null, 10)),
  },
  'grantRole (a role the maker holds)': {
    placed: true,
    run: async (actor, place) =>
      present(await services.roles.grantRole(contextOf(actor), { username: await usernameOf(await person(OFFICE_AT[place])), role: roleOf(actor) })),
  },
  'grantRole (a role the maker lacks)': {
    placed: true,
    run: async (actor, place) =>
      present(await services.roles.grantRole(contextOf(actor), { username: await usernameOf(await person(OFFICE_AT[place])), role: otherRoleOf(actor) })),
  },
  'grantRole (to oneself)': {
    placed: false,
    run: async (actor) => present(await services.roles.grantRole(contextOf(actor), { username: `matrix.${actor.toLowerCase()}`, role: otherRoleOf(actor) })),
  },
  revokeRole: {
    placed: true,
    run: async (actor, place) =>
      present(await services.roles.revokeRole(contextOf(actor), { username: await usernameOf(await person(OFFICE_AT[place], 'ACTIVE', ['POSTMAN'])), role: 'POSTMAN' })),
  },
  'approve (a request someone else made)': {
    placed: true,
    run: async (actor, place) => present(await services.approvals.approve(contextOf(actor), await pendingRequestAt(OFFICE_AT[place]), 'looks right')),
  },
  'approve (a request the caller made)': {
    placed: false,
    run: async (actor) => {
      // Only an administrator can ask for a grant at all; the others cannot be in this situation.
      if (actor !== 'ADMIN') return 'skip';
      const request = await services.roles.grantRole(contextOf(actor), { username: await usernameOf(await person('NDGPO')), role: 'ADMIN' });
      return present(await services.approvals.approve(contextOf(actor), request.id, 'my own'));
    },
  },
  'reject (a request someone else made)': {
    placed: true,
    run: async (actor, place) => present(await services.approvals.reject(contextOf(actor), await pendingRequestAt(OFFICE_AT[place]), 'not now')),
  },
  'approvalRequest(id)': {
    placed: true,
    run: async (actor, place) => present(await services.approvals.getApprovalRequest(identities[actor], await pendingRequestAt(OFFICE_AT[place]))),
  },
  'approvalRequests (lists the request)': {
    placed: true,
    run: async (actor, place) => {
      const id = await pendingRequestAt(OFFICE_AT[place]);
      const page = await services.approvals.listApprovalRequests(identities[actor], { officeCode: OFFICE_AT[place] }, 100, null);
      return page.edges.some((edge) => edge.node.id === id);
    },
  },
  'approvalRequests waitingForMe (lists the request)': {
    placed: true,
    run: async (actor, place) => {
      const id = await pendingRequestAt(OFFICE_AT[place]);
      const page = await services.approvals.listApprovalRequests(identities[actor], { officeCode: OFFICE_AT[place], waitingForMe: true }, 100, null);
      return page.edges.some((edge) => edge.node.id === id);
    },
  },
  'auditTrail (lists a record of the office)': {
    placed: true,
    run: async (actor, place) => {
      const target = await auditRecordAt(OFFICE_AT[place]);
      const page = await services.audit.auditTrail(identities[actor], { target }, 10, null);
      return page.edges.length > 0;
    },
  },
  'auditRecord(id) (a record of the office)': {
    placed: true,
    run: async (actor, place) => {
      const target = await auditRecordAt(OFFICE_AT[place]);
      const [stored] = (await services.audit.auditTrail({ kind: 'service', service: 'matrix' }, { target }, 1, null)).edges;
      return present(await services.audit.auditRecord(identities[actor], stored!.node.id));
    },
  },
  verifyAuditTrail: { placed: false, run: async (actor) => present(await services.audit.verifyAuditTrail(identities[actor], null, null)) },
  'ledgerAccounts of the office': {
    placed: true,
    run: async (actor, place) => (await services.accounts.ledgerAccountsOf(identities[actor], OFFICE_AT[place])).length > 0,
  },
  'Account reference (_entities)': {
    placed: true,
    run: async (actor, place) => present(await services.accounts.getAccount(identities[actor], `${OFFICE_AT[place]}:1100`)),
  },
  "accountStatement of the office's cash": {
    placed: true,
    run: async (actor, place) =>
      present(await services.reports.accountStatement(identities[actor], { accountCode: `${OFFICE_AT[place]}:1100`, from: '2026-11-01', to: '2026-11-22' })),
  },
  'trialBalance of the office': {
    placed: true,
    run: async (actor, place) => present(await services.reports.trialBalance(identities[actor], { asOf: '2026-11-22', officeCode: OFFICE_AT[place], currency: 'INR' })),
  },
  'MoneyOrder.ledgerEntries (an entry at the office)': {
    placed: true,
    run: async (actor, place) => {
      const id = await entryAt(OFFICE_AT[place]);
      const reference = `MO-${sequence}`;
      return (await services.moneyOrderLedger.ledgerEntriesOf(identities[actor], reference)).some((entry) => entry.id === id);
    },
  },
  'journalEntry(id) of an entry at the office': {
    placed: true,
    run: async (actor, place) => present(await services.journal.getEntry(identities[actor], await entryAt(OFFICE_AT[place]))),
  },
  'journalEntries (lists an entry at the office)': {
    placed: true,
    run: async (actor, place) => {
      const id = await entryAt(OFFICE_AT[place]);
      const page = await services.journal.listEntries(identities[actor], { officeCode: OFFICE_AT[place] }, 100, null);
      return page.edges.some((edge) => edge.node.id === id);
    },
  },
  'openAccount (a detail account of the office)': {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const input = { name: 'Matrix suspense', type: 'ASSET', kind: 'DETAIL', headCode: String(9000 + sequence), officeCode: OFFICE_AT[place], balanceConstraint: 'NONE', allowManualEntries: true } as const;
      return present(await services.accounts.openAccount(contextOf(actor), input));
    },
  },
  'setAccountStatus (freeze an account of the office)': {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const account = await services.accounts.openAccount(LEDGER_SERVICE, {
        name: 'Matrix frozen',
        type: 'ASSET',
        kind: 'DETAIL',
        headCode: String(8000 + sequence),
        officeCode: OFFICE_AT[place],
        balanceConstraint: 'NONE',
        allowManualEntries: true,
      });
      return present(await services.accounts.setAccountStatus(contextOf(actor), account.code, 'FROZEN', 'matrix'));
    },
  },
  'postJournalEntry (a manual journal at the office)': {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const office = OFFICE_AT[place];
      const outcome = await services.journal.postJournalEntry(contextOf(actor), {
        idempotencyKey: `matrix-manual-${sequence}`,
        officeCode: office,
        description: 'matrix manual journal',
        source: { type: 'MANUAL' },
        postings: [
          { accountCode: `${office}:1300`, side: 'DEBIT', amount: '1.00' },
          { accountCode: `${office}:4100`, side: 'CREDIT', amount: '1.00' },
        ],
      });
      return present(outcome.approvalRequest);
    },
  },
  'reverseJournalEntry (an entry at the office)': {
    placed: true,
    run: async (actor, place) => {
      const id = await entryAt(OFFICE_AT[place]);
      sequence += 1;
      return present((await services.journal.reverseJournalEntry(contextOf(actor), { id, reason: 'matrix', idempotencyKey: `matrix-reversal-${sequence}` })).approvalRequest);
    },
  },
  'placeHold (service only)': {
    placed: true,
    run: async (actor, place) => {
      sequence += 1;
      const office = OFFICE_AT[place];
      const hold = await services.journal.placeHold(contextOf(actor), {
        idempotencyKey: `matrix-hold-${sequence}`,
        officeCode: office,
        description: 'matrix',
        source: { type: 'MONEY_ORDER' },
        debitAccountCode: `${office}:4100`,
        creditAccountCode: `${office}:1100`,
        amount: '1.00',
      });
      return present(hold);
    },
  },
  'closeBusinessDay of the office': {
    placed: true,
    run: async (actor, place) => present(await services.businessDays.closeBusinessDay(contextOf(actor), OFFICE_AT[place], nextClosingDay())),
  },
  'officesNotClosedThrough (lists the office)': {
    placed: true,
    run: async (actor, place) => {
      // Days the matrix closes are in September: every office is open through the clock's business date.
      const page = await services.businessDays.officesNotClosedThrough(identities[actor], { date: '2026-11-22' }, 100, null);
      return page.edges.some((edge) => edge.node.code === OFFICE_AT[place]);
    },
  },
  verifyLedger: { placed: false, run: async (actor) => present(await services.ledger.verify(identities[actor])) },
  'reserveMoneyOrderCash (money-orders only)': {
    placed: true,
    run: async (actor, place) => {
      const office = OFFICE_AT[place];
      const input = { reference: '261122000000000001', movement: 'PAID', officeCode: office, bookingOfficeCode: office, amount: '1.00', currency: 'INR', fromExpired: false } as const;
      return present(await services.moneyOrderLedger.reserveMoneyOrderCash(contextOf(actor), input));
    },
  },
  'moneyOrderControlBalance (money-orders only)': {
    placed: true,
    run: async (actor, place) => present(await services.moneyOrderLedger.moneyOrderControlBalance(identities[actor], '2026-11-22', OFFICE_AT[place])),
  },
  'officeLedgerStatus (service only)': {
    placed: true,
    run: async (actor, place) => present(await services.accounts.officeLedgerStatus(identities[actor], OFFICE_AT[place])),
  },
  'submitApprovalRequest (service only)': {
    placed: true,
    run: async (actor, place) => {
      const maker = identities[actor];
      const input = {
        kind: 'MANUAL_JOURNAL',
        summary: 'matrix',
        payload: { note: 'matrix' },
        officeCode: OFFICE_AT[place],
        makerId: maker.kind === 'staff' ? maker.staffId : '00000000-0000-4000-8000-000000000000',
      };
      return present(await services.approvals.submit(contextOf(actor), input));
    },
  },
  moneyOrderQuote: { placed: false, run: async (actor) => present(await services.tariffs.quote(identities[actor], new Decimal('1000'), 'ELECTRONIC')) },
  'bookMoneyOrder (at the office)': {
    placed: true,
    run: async (actor, place) => present(await moneyOrders().orders.book(identities[actor], orderAt(OFFICE_AT[place]), 'matrix')),
  },
  'payMoneyOrder (payable at the office)': {
    placed: true,
    run: async (actor, place) => {
      const { reference, otp } = await availableOrderAt(OFFICE_AT[place]);
      const key = `matrix-pay-${reference}`;
      return present(await moneyOrders().orders.pay(identities[actor], { reference, officeCode: OFFICE_AT[place], otp, payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: key }, 'matrix'));
    },
  },
  resendMoneyOrderCode: { placed: true, run: async (actor, place) => present(await moneyOrders().orders.resend(identities[actor], (await availableOrderAt(OFFICE_AT[place])).reference)) },
  'stopMoneyOrder (booked at the office)': {
    placed: true,
    run: async (actor, place) => present(await moneyOrders().orders.stop(identities[actor], (await availableOrderAt(OFFICE_AT[place])).reference, 'matrix', 'matrix')),
  },
  'returnMoneyOrder (payable at the office)': {
    placed: true,
    run: async (actor, place) => present(await moneyOrders().orders.return(identities[actor], (await availableOrderAt(OFFICE_AT[place])).reference, 'matrix', 'matrix')),
  },
  lockMoneyOrder: {
    placed: true,
    run: async (actor, place) => present(await moneyOrders().orders.lock(identities[actor], (await availableOrderAt(OFFICE_AT[place])).reference, 'matrix', 'matrix')),
  },
  'releaseMoneyOrder (a locked order)': {
    placed: true,
    run: async (actor, place) => {
      const { reference } = await availableOrderAt(OFFICE_AT[place]);
      await moneyOrders().orders.lock(MO_COUNTER, reference, 'matrix', 'matrix');
      return present(await moneyOrders().orders.release(identities[actor], reference, 'matrix', 'matrix'));
    },
  },
  'refundMoneyOrder (a stopped order booked there)': {
    placed: true,
    run: async (actor, place) => {
      const { reference } = await availableOrderAt(OFFICE_AT[place]);
      await moneyOrders().orders.stop(MO_COUNTER, reference, 'matrix', 'matrix');
      const input = { reference, officeCode: OFFICE_AT[place], senderIdDocument: bookingInput().sender.idDocument, idempotencyKey: `matrix-refund-${reference}` };
      return present(await moneyOrders().orders.refund(identities[actor], input, 'matrix'));
    },
  },
  'moneyOrder(reference)': { placed: true, run: async (actor, place) => present(await moneyOrders().orders.find(identities[actor], (await availableOrderAt(OFFICE_AT[place])).reference)) },
  'moneyOrders (lists the order)': {
    placed: true,
    run: async (actor, place) => {
      const { reference } = await availableOrderAt(OFFICE_AT[place]);
      // Every cell books its own orders on one fixed clock, so the office holds more than a page of orders booked at
      // the same instant: the cell's may be on any page, so the list is read to its end.
      let after: string | null = null;
      for (let pageNumber = 0; pageNumber < 20; pageNumber += 1) {
        const page = await moneyOrders().orders.list(identities[actor], { officeCode: OFFICE_AT[place] }, 100, after);
        if (page.edges.some((edge: { node: { reference: string } }) => edge.node.reference === reference)) return true;
        if (!page.pageInfo.hasNextPage) return false;
        after = page.pageInfo.endCursor;
      }
      return false;
    },
  },
  'Office.moneyOrderSummary': { placed: true, run: async (actor, place) => present(await moneyOrders().orders.daySummary(identities[actor], OFFICE_AT[place], null)) },
  'moneyOrderReconciliation of the office': {
    placed: true,
    run: async (actor, place) => present(await moneyOrders().orders.reconcile(identities[actor], '2026-11-22', OFFICE_AT[place], 'matrix')),
  },
  'bookMoneyOrders (a file at the office)': {
    placed: true,
    run: async (actor, place) => {
      const csv = [
        'amount,sender_name,sender_phone,sender_address,sender_id_document,payee_name,payee_phone,payee_address,paying_office_code,message',
        `100,Pension Office,+911123456789,New Delhi,DEPT PDO-1,Payee,+919877700001,New Delhi,${OFFICE_AT[place]},Pension`,
      ].join('\n');
      sequence += 1;
      const input = { idempotencyKey: `matrix-bulk-${sequence}`, officeCode: OFFICE_AT[place], product: 'SERVICE', paymentMode: 'CASH', mode: 'ACCEPT_VALID', fileName: 'matrix.csv', csv };
      return present(await bulkService().submit(identities[actor], input, 'matrix'));
    },
  },
  proposeMoneyOrderTariff: {
    placed: false,
    run: async (actor) => {
      const input = { product: 'SERVICE', currency: 'INR', effectiveFrom: '2027-01-01', minAmount: '1', maxAmount: '10000', wholeUnitsOnly: true, rule: '{"kind":"FREE"}', taxRatePercent: '0' };
      return present(await services.tariffs.propose(identities[actor], input as never, 'matrix'));
    },
  },
  trackMoneyOrder: {
    placed: false,
    run: async (actor) => {
      const { reference } = await availableOrderAt('NDGPO');
      const tracking = createTrackingService(moneyOrders().deps, createMemoryRateLimiter({ windowMs: 60_000 }));
      return present(await tracking.track(requestAs(identities[actor]), reference, `+9198${String(senders).padStart(8, '0')}`));
    },
  },
  moneyOrderTariffs: { placed: false, run: async (actor) => present(await services.tariffs.list(identities[actor])) },
  moneyOrderLimits: { placed: false, run: async (actor) => present(await services.limits.inForce(identities[actor])) },
  codFeeQuote: { placed: false, run: async (actor) => present(await services.fees.quote(identities[actor], new Decimal('1000'))) },
  'registerBiller (settled at the office)': {
    placed: true,
    run: async (actor, place) => (place === 'below' ? 'skip' : present(await services.billers.register(contextOf(actor), billerRegistration(OFFICE_AT[place])))),
  },
  'biller(id)': { placed: true, run: async (actor, place) => (place === 'below' ? 'skip' : present(await services.billers.find(identities[actor], (await billerAt(OFFICE_AT[place])).id))) },
  billerByCode: { placed: true, run: async (actor, place) => (place === 'below' ? 'skip' : present(await services.billers.findByCode(identities[actor], (await billerAt(OFFICE_AT[place])).code))) },
  'billers (lists the biller)': {
    placed: true,
    run: async (actor, place) => {
      if (place === 'below') return 'skip';
      const biller = await billerAt(OFFICE_AT[place]);
      const page = await services.billers.list(identities[actor], { search: biller.code }, 100, null);
      return page.edges.some((edge) => edge.node.id === biller.id);
    },
  },
  updateBiller: {
    placed: true,
    run: async (actor, place) => (place === 'below' ? 'skip' : present(await services.billers.update(contextOf(actor), (await billerAt(OFFICE_AT[place])).id, { name: 'Matrix renamed' }, 1))),
  },
  requestBillerBankChange: {
    placed: true,
    run: async (actor, place) =>
      place === 'below' ? 'skip' : present(await services.billers.requestBankChange(contextOf(actor), (await billerAt(OFFICE_AT[place])).id, { holderName: 'Matrix', accountNumber: '555566667777', ifsc: 'HDFC0001234' }, 'matrix')),
  },
  createContractVersion: {
    placed: true,
    run: async (actor, place) => (place === 'below' ? 'skip' : present(await services.contracts.createVersion(contextOf(actor), (await billerAt(OFFICE_AT[place])).id, { effectiveFrom: '2026-12-01' }))),
  },
  ...codArticleOperations(codContext, codFixtures),
  'buildSettlementBatches (at the office)': {
    placed: true,
    run: async (actor, place) => present(await buildSettlementBatches(codSettlementDeps(), contextOf(actor), { settlementOfficeCode: OFFICE_AT[place] })),
  },
  submitSettlementBatches: { placed: false, run: async (actor) => present(await submitSettlementBatches(codSettlementDeps(), contextOf(actor), [randomUUID()], 'matrix')) },
  codAging: { placed: false, run: async (actor) => present(await codAging(codSettlementDeps(), identities[actor], {})) },
  ...codSettlementOperations(codContext, codFixtures),
  ...reconOperations(codContext, codFixtures),
};

function codSettlementDeps() {
  return { database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', payoutBank: DEFAULT_PAYOUT_BANK };
}

async function resetMatrixPasswords(): Promise<void> {
  await testDatabase.database.db.execute(
    sql`update administration.staff set password_hash = ${matrixPasswordHash} where username like 'matrix.%'`,
  );
}

async function outcomeOf(operation: Operation, actor: Actor, place: Place): Promise<string> {
  try {
    const answer = await operation.run(actor, place);
    return answer === 'skip' ? '-' : answer ? 'A' : 'N';
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'UNAUTHENTICATED') return 'U';
    if (code === 'FORBIDDEN') return 'F';
    if (code === 'ROLE_NOT_GRANTABLE' || code === 'CANNOT_CHANGE_OWN_ROLES' || code === 'MAKER_CANNOT_APPROVE') return 'W';
    if (code === 'NOT_FOUND' || code?.endsWith('_NOT_FOUND')) return 'N';
    return `?${code ?? (error as Error).message}`;
  }
}

/** The expected table as data: operation -> actor -> the outcomes at own, below, other. */
function expectedTable(): Record<string, Record<Actor, string>> {
  return Object.fromEntries(
    Object.entries(EXPECTED).map(([name, line]) => {
      const cells = line.trim().split(/\s+/);
      if (cells.length !== ACTORS.length || !cells.every((cell) => /^[AFNUW-]{3}$/.test(cell))) throw new Error(`EXPECTED['${name}'] is malformed`);
      return [name, Object.fromEntries(ACTORS.map((actor, index) => [actor, cells[index]!])) as Record<Actor, string>];
    }),
  );
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration', 'accounts', 'money-orders', 'cod-settlement']);
  const { database } = testDatabase;
  await seedDemoAdministration(database, 'test');
  // The accounts subgraph learns offices from administration's events: deliver the seed's office.created events.
  const staged = rowsOf<{ envelope: unknown }>(await database.db.execute(sql`select envelope from administration.outbox where type = 'office.created' order by id`));
  await database.db.transaction(async (tx) => {
    for (const row of staged) {
      await handleOfficeEvent(tx, parseEvent(row.envelope) as AnyEvent);
      await handleMoneyOrderOfficeEvent(tx, parseEvent(row.envelope) as AnyEvent);
      await handleCodOfficeEvent(tx, parseEvent(row.envelope) as AnyEvent);
    }
  });
  matrixPasswordHash = await hashPassword(MATRIX_PASSWORD);
  // One actor per role, all at the New Delhi GPO; the biller's person bound to its biller.
  await database.db.transaction(async (tx) => {
    for (const [index, role] of ACTORS.filter((actor) => actor !== 'ANONYMOUS').entries()) {
      const actor = await insertStaff(tx, {
        employeeId: String(60_000_000 + index),
        username: `matrix.${role.toLowerCase()}`,
        name: `Matrix ${role}`,
        passwordHash: matrixPasswordHash,
        officeCode: 'NDGPO',
        roles: [role],
        billerCode: role === 'BILLER' ? BILLER_AT.own : null,
        mustChangePassword: false,
      });
      await openAssignment(tx, { staffId: actor.id, officeCode: 'NDGPO', startedAt: clock(), assignedBy: null });
    }
  });
  for (const actor of ACTORS) {
    identities[actor] = actor === 'ANONYMOUS' ? { kind: 'anonymous' } : await identityOf(database.db, `matrix.${actor.toLowerCase()}`);
  }
  services = buildServices(database);
}, 120_000);

afterAll(async () => {
  await matrixJobs?.close();
  await testDatabase?.drop();
});

describe('the authorization matrix', () => {
  it('has an operation for every expected row and a row for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers every cell as written down', async () => {
    const actual: Record<string, Record<Actor, string>> = {};
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const row = {} as Record<Actor, string>;
      for (const actor of ACTORS) {
        let cells = '';
        for (const place of PLACES) {
          cells += operation.placed || place === 'own' ? await outcomeOf(operation, actor, place) : ('-' satisfies Outcome);
        }
        row[actor] = cells;
      }
      actual[name] = row;
    }
    // Compared as the lines EXPECTED is written in, so a failure reads as the row to fix.
    const lines = (table: Record<string, Record<Actor, string>>) => Object.fromEntries(Object.entries(table).map(([name, row]) => [name, ACTORS.map((actor) => row[actor]).join(' ')]));
    expect(lines(actual)).toEqual(lines(expectedTable()));
  }, 120_000);

  it("answers accounts' codPayableBalances to the cod-settlement service alone (the row above: no person, whatever the role)", async () => {
    const ask = (service: string) => codPayableBalancesAs(codContext, { kind: 'service', service }, OFFICE_AT.own, [BILLER_AT.own]);
    await expect(ask('cod-settlement')).resolves.toEqual([expect.objectContaining({ billerCode: BILLER_AT.own, accountCode: `${OFFICE_AT.own}:2200:${BILLER_AT.own}` })]);
    await expect(ask('money-orders')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the permissions data', () => {
  it('uses only permissions @postal/authz knows', async () => {
    const rows = await allRolePermissions(testDatabase.database.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !isPermission(row.permission))).toEqual([]);
  });

  it('gives the auditor nothing that writes: only reading and verifying', async () => {
    const rows = await allRolePermissions(testDatabase.database.db);
    const auditor = rows.filter((row) => row.roleCode === 'AUDITOR').map((row) => row.permission);
    expect(auditor.length).toBeGreaterThan(0);
    expect(auditor.filter((permission) => !/\.(read|verify)$/.test(permission))).toEqual([]);
  });

  it("gives a biller's people cod.biller.self and nothing else, so no office permission ever reaches them", async () => {
    const rows = await allRolePermissions(testDatabase.database.db);
    expect(rows.filter((row) => row.roleCode === 'BILLER').map((row) => row.permission)).toEqual(['cod.biller.self']);
    // And nobody else holds it: it is the biller's own, not an office's.
    expect(rows.filter((row) => row.permission === 'cod.biller.self').map((row) => row.roleCode)).toEqual(['BILLER']);
  });

  it('keeps counter clerks and postmen to their own office for everything but reading the tree', async () => {
    const rows = await allRolePermissions(testDatabase.database.db);
    const wide = rows.filter((row) => ['COUNTER_CLERK', 'POSTMAN'].includes(row.roleCode) && row.scope !== 'OWN_OFFICE');
    expect(wide.map((row) => `${row.roleCode} ${row.permission}`)).toEqual(['COUNTER_CLERK office.read']);
  });
});
