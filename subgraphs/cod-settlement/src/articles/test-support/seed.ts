/**
 * Test fixtures for the article, deposit and manifest tests: an office tree, billers and a contract written with plain
 * inserts (the billers module's registerBiller is built alongside; these tests must not depend on it), identities and
 * a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import type { Database, Tx } from '@postal/db';
import { billers } from '../../billers/tables.js';
import { contracts } from '../../contracts/tables.js';
import { upsertOffice } from '../../offices/repository.js';
import type { ArticleDeps } from '../deps.js';
import { s10Of } from '../s10.js';

export interface TestClock {
  (): Date;
  set(instant: string | Date): void;
}

export function testClock(start: string): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (instant) => void (now = new Date(instant));
  return clock;
}

/** A division with a head office (the billers' settlement office), a sub office and its branch; another circle's GPO. */
export const OFFICES = {
  division: { code: 'DL-NDC', name: 'New Delhi Central Division', type: 'DIVISION', path: 'DL/DL-NDC', parentCode: 'DL' },
  head: { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/NDGPO', parentCode: 'DL-NDC' },
  sub: { code: 'KRLBGH', name: 'Karol Bagh SO', type: 'SUB_OFFICE', path: 'DL/DL-NDC/NDGPO/KRLBGH', parentCode: 'NDGPO' },
  branch: { code: 'KRLBO', name: 'Karol Bagh BO', type: 'BRANCH_OFFICE', path: 'DL/DL-NDC/NDGPO/KRLBGH/KRLBO', parentCode: 'KRLBGH' },
  other: { code: 'MUMGPO', name: 'Mumbai GPO', type: 'HEAD_OFFICE', path: 'MH/MH-MUM/MUMGPO', parentCode: 'MH-MUM' },
} as const;

export const BILLERS = {
  active: { code: 'BL000001', status: 'ACTIVE' },
  suspended: { code: 'BL000002', status: 'SUSPENDED' },
  noContract: { code: 'BL000003', status: 'ACTIVE' },
  second: { code: 'BL000004', status: 'ACTIVE' },
} as const;

/** The contract's maximum per article in these tests (lower than the Rs 50,000 default, so the limit is seen). */
export const MAX_ARTICLE_AMOUNT = '20000';

export interface Seeded {
  billerIds: Record<keyof typeof BILLERS, string>;
}

/** A biller settled by `office`, with a contract from 2026-01-01 unless told otherwise: plain inserts. */
export async function insertTestBiller(tx: Tx, code: string, office: { code: string; path: string }, options: { status?: string; contract?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await tx.insert(billers).values({
    id,
    code,
    name: `Seller ${code}`,
    type: 'ECOMMERCE',
    gstin: null,
    contactName: 'Accounts',
    contactEmail: 'accounts@example.in',
    contactPhone: '+911123456789',
    settlementOfficeCode: office.code,
    settlementOfficePath: office.path,
    currency: 'INR',
    status: options.status ?? 'ACTIVE',
    createdBy: 'seed',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  if (options.contract === false) return id;
  await tx.insert(contracts).values({
    id: randomUUID(),
    billerId: id,
    version: 1,
    effectiveFrom: '2026-01-01',
    feeRule: { kind: 'PERCENT_WITH_MINIMUM_THEN_EXCESS', threshold: '5000', percentUpToThreshold: '2', minimumFee: '50', baseAboveThreshold: '100', percentOfExcess: '1' },
    taxes: [{ name: 'GST', percent: '18' }],
    feeSource: 'IN-COD-FEE-2017-07-01',
    settlementCycleDays: 8,
    payoutWeekdays: [1, 3, 5],
    maxArticleAmount: MAX_ARTICLE_AMOUNT,
    disputeWindowDays: 7,
    bankDetailsHoldDays: 3,
    holidayCalendar: 'IN',
    createdBy: 'seed',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  return id;
}

export async function seed(database: Database): Promise<Seeded> {
  const billerIds = {} as Record<keyof typeof BILLERS, string>;
  await database.db.transaction(async (tx) => {
    for (const office of Object.values(OFFICES)) await upsertOffice(tx, { ...office, status: 'ACTIVE', version: 1 });
    for (const [key, biller] of Object.entries(BILLERS) as Array<[keyof typeof BILLERS, (typeof BILLERS)[keyof typeof BILLERS]]>) {
      billerIds[key] = await insertTestBiller(tx, biller.code, OFFICES.head, { status: biller.status, contract: key !== 'noContract' });
    }
  });
  return { billerIds };
}

type Scope = 'OWN_OFFICE' | 'SUBTREE';

/** A member of staff at an office holding permissions, each with its scope. */
export function staffAt(office: keyof typeof OFFICES, grants: Array<[string, Scope]>, username = `staff-${office}`): Identity {
  return {
    kind: 'staff',
    staffId: randomUUID(),
    username,
    roles: ['TEST'],
    officeCode: OFFICES[office].code,
    officePath: OFFICES[office].path,
    grants: grants.map(([permission, scope]) => ({ permission, scope }) as never),
  };
}

/** The divisional finance officer: registers, reads and clears everything in the division. */
export const financeOfficer = () =>
  staffAt('division', [
    ['cod.article.register', 'SUBTREE'],
    ['cod.read', 'SUBTREE'],
    ['cod.dispute.manage', 'SUBTREE'],
  ]);
/** A postman at the sub office: records its deliveries there only. */
export const postman = () => staffAt('sub', [['cod.collect', 'OWN_OFFICE']], 'postman-ram');
/** The sub office's clerk: takes deposits there. */
export const clerk = () => staffAt('sub', [['cod.deposit', 'OWN_OFFICE'], ['cod.collect', 'OWN_OFFICE']], 'clerk-sita');

export function testDeps(database: Database, start = '2026-03-10T05:00:00Z'): { deps: ArticleDeps; clock: TestClock } {
  const clock = testClock(start);
  return { deps: { database, clock, timeZone: 'Asia/Kolkata' }, clock };
}

/** A valid S10 number from a serial (its check digit computed). */
export const articleNumber = (serial: number, service = 'EE') => s10Of(service, String(serial).padStart(8, '0'), 'IN');
