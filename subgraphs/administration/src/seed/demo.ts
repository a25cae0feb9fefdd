import { hashPassword } from '@postal/auth';
import type { Database } from '@postal/db';
import { newEvent } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import type { NewOffice, OfficeType } from '../offices/model.js';
import { insertOfficesIfAbsent } from '../offices/repository.js';
import { insertStaffIfAbsent, openAssignment, usernamesPresent } from '../staff/repository.js';

export interface DemoOffice {
  code: string;
  name: string;
  type: OfficeType;
  parentCode: string | null;
  /** Post offices only (head, sub and branch offices). */
  pin?: string;
}

/**
 * A believable piece of the Delhi circle: the New Delhi Central division with two head offices, their sub offices and
 * a few branch offices, and a second division (North West Delhi) so that every role has an office outside its scope
 * to be refused. Parents come before their children. Sub and branch offices are in account with their parent.
 */
export const DEMO_OFFICES: DemoOffice[] = [
  { code: 'DL', name: 'Delhi Circle', type: 'CIRCLE', parentCode: null },
  { code: 'DL-NDC', name: 'New Delhi Central Division', type: 'DIVISION', parentCode: 'DL' },
  { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', parentCode: 'DL-NDC', pin: '110001' },
  { code: 'NDGPO-CP', name: 'Connaught Place SO', type: 'SUB_OFFICE', parentCode: 'NDGPO', pin: '110001' },
  { code: 'NDGPO-KB', name: 'Krishi Bhawan SO', type: 'SUB_OFFICE', parentCode: 'NDGPO', pin: '110001' },
  { code: 'SMHO', name: 'Sansad Marg HO', type: 'HEAD_OFFICE', parentCode: 'DL-NDC', pin: '110001' },
  { code: 'SMHO-NA', name: 'North Avenue SO', type: 'SUB_OFFICE', parentCode: 'SMHO', pin: '110001' },
  { code: 'SMHO-NA-TK', name: 'Talkatora BO', type: 'BRANCH_OFFICE', parentCode: 'SMHO-NA', pin: '110004' },
  { code: 'SMHO-NA-RB', name: 'Rajpath Barracks BO', type: 'BRANCH_OFFICE', parentCode: 'SMHO-NA', pin: '110004' },
  { code: 'SMHO-PC', name: 'Patel Chowk SO', type: 'SUB_OFFICE', parentCode: 'SMHO', pin: '110001' },
  { code: 'DL-NWD', name: 'North West Delhi Division', type: 'DIVISION', parentCode: 'DL' },
  { code: 'ASVHO', name: 'Ashok Vihar HO', type: 'HEAD_OFFICE', parentCode: 'DL-NWD', pin: '110052' },
  { code: 'ASVHO-AL', name: 'Alipur SO', type: 'SUB_OFFICE', parentCode: 'ASVHO', pin: '110036' },
  { code: 'ASVHO-AL-BK', name: 'Bakhtawarpur BO', type: 'BRANCH_OFFICE', parentCode: 'ASVHO-AL', pin: '110036' },
  { code: 'ASVHO-AL-TG', name: 'Tigipur BO', type: 'BRANCH_OFFICE', parentCode: 'ASVHO-AL', pin: '110036' },
];

export const DEMO_PASSWORD = 'demo';

export interface DemoStaffMember {
  username: string;
  employeeId: string;
  name: string;
  officeCode: string;
  roles: string[];
  /** One of a biller's own people: the biller they act for (then their only role is BILLER). */
  billerCode?: string;
}

/** The logins README lists first: one or two of each role, at the circle, the division and the GPO. */
export const DEMO_STAFF: DemoStaffMember[] = [
  { username: 'admin', employeeId: '10010001', name: 'Asha Verma', officeCode: 'DL', roles: ['ADMIN'] },
  { username: 'admin2', employeeId: '10010002', name: 'Vikram Sethi', officeCode: 'DL', roles: ['ADMIN'] },
  { username: 'finance', employeeId: '10020001', name: 'Farhan Qureshi', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] },
  { username: 'finance2', employeeId: '10020002', name: 'Meera Iyer', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] },
  { username: 'auditor', employeeId: '10030001', name: 'Rakesh Menon', officeCode: 'DL', roles: ['AUDITOR'] },
  { username: 'clerk', employeeId: '10040001', name: 'Sunita Rawat', officeCode: 'NDGPO', roles: ['COUNTER_CLERK'] },
  { username: 'postman', employeeId: '10050001', name: 'Ramesh Kumar', officeCode: 'NDGPO', roles: ['POSTMAN'] },
];

/** Everyone else: a divisional administrator, a postmaster or clerk at each head and sub office, branch postmasters, postmen. */
export const DEMO_OFFICE_STAFF: DemoStaffMember[] = [
  { username: 'admin.ndc', employeeId: '10010003', name: 'Kavita Joshi', officeCode: 'DL-NDC', roles: ['ADMIN'] },
  { username: 'postman2', employeeId: '10050002', name: 'Mohan Lal', officeCode: 'NDGPO', roles: ['POSTMAN'] },
  { username: 'postman3', employeeId: '10050003', name: 'Anil Thapa', officeCode: 'NDGPO', roles: ['POSTMAN'] },
  { username: 'clerk.cp', employeeId: '10040002', name: 'Neha Bansal', officeCode: 'NDGPO-CP', roles: ['COUNTER_CLERK'] },
  { username: 'clerk.kb', employeeId: '10040003', name: 'Imran Siddiqui', officeCode: 'NDGPO-KB', roles: ['COUNTER_CLERK'] },
  { username: 'clerk.smho', employeeId: '10040004', name: 'Lakshmi Narayanan', officeCode: 'SMHO', roles: ['COUNTER_CLERK'] },
  { username: 'postman.smho', employeeId: '10050004', name: 'Baldev Singh', officeCode: 'SMHO', roles: ['POSTMAN'] },
  { username: 'clerk.na', employeeId: '10040005', name: 'Deepak Chauhan', officeCode: 'SMHO-NA', roles: ['COUNTER_CLERK'] },
  { username: 'bpm.tk', employeeId: '10040006', name: 'Suresh Yadav', officeCode: 'SMHO-NA-TK', roles: ['COUNTER_CLERK'] },
  { username: 'bpm.rb', employeeId: '10040007', name: 'Geeta Devi', officeCode: 'SMHO-NA-RB', roles: ['COUNTER_CLERK'] },
  { username: 'clerk.pc', employeeId: '10040008', name: 'Pooja Malhotra', officeCode: 'SMHO-PC', roles: ['COUNTER_CLERK'] },
  { username: 'finance.nwd', employeeId: '10020003', name: 'Gurpreet Kaur', officeCode: 'DL-NWD', roles: ['FINANCE_OFFICER'] },
  // The circle's finance officers: tariffs are the whole network's, so proposing and approving one needs mo.tariff.*
  // over the root office (money-orders tariffs/service.ts); one proposes, the other approves.
  { username: 'finance.hq', employeeId: '10020004', name: 'Nandini Rao', officeCode: 'DL', roles: ['FINANCE_OFFICER'] },
  { username: 'finance.hq2', employeeId: '10020005', name: 'Arvind Kohli', officeCode: 'DL', roles: ['FINANCE_OFFICER'] },
  { username: 'clerk.asv', employeeId: '10040009', name: 'Ritu Sharma', officeCode: 'ASVHO', roles: ['COUNTER_CLERK'] },
  { username: 'postman.asv', employeeId: '10050005', name: 'Rafiq Ahmed', officeCode: 'ASVHO', roles: ['POSTMAN'] },
  { username: 'clerk.alipur', employeeId: '10040010', name: 'Rajesh Dahiya', officeCode: 'ASVHO-AL', roles: ['COUNTER_CLERK'] },
  { username: 'bpm.bk', employeeId: '10040011', name: 'Satbir Singh', officeCode: 'ASVHO-AL-BK', roles: ['COUNTER_CLERK'] },
  { username: 'bpm.tg', employeeId: '10040012', name: 'Kamla Rani', officeCode: 'ASVHO-AL-TG', roles: ['COUNTER_CLERK'] },
];

/**
 * A biller's own person: the demo seller's accounts clerk, bound to BL000001 (the first biller cod-settlement
 * numbers). Managed from the New Delhi GPO, where the seller books its articles: that office decides which
 * administrators may manage the account, and gives the seller nothing (BILLER reaches no office). The user number is in
 * a range of its own (9xxxxxxx), as the operator numbers the outside users of its systems.
 */
export const DEMO_BILLER_STAFF: DemoStaffMember[] = [
  { username: 'seller.demo', employeeId: '90000001', name: 'Priya Sharma (Demo Seller)', officeCode: 'NDGPO', roles: ['BILLER'], billerCode: 'BL000001' },
];

const ALL_DEMO_STAFF = [...DEMO_STAFF, ...DEMO_OFFICE_STAFF, ...DEMO_BILLER_STAFF];

const ACCOUNTING_TYPES: readonly OfficeType[] = ['HEAD_OFFICE', 'SUB_OFFICE'];

/** Paths from parents, and each sub or branch office in account with its parent (a head or sub office). */
/**
 * The demo network's offices are old ones: a fixed opening date well in the past, so whatever day the demo or a test
 * runs on, the offices existed before it (never the seeding day, which would make every earlier business date invalid).
 */
export const DEMO_OFFICES_OPENED_ON = '2015-04-01';

function demoOfficeRows(rows: DemoOffice[]): NewOffice[] {
  const known = new Map<string, { path: string; type: OfficeType }>();
  return rows.map((row) => {
    const parent = row.parentCode === null ? undefined : known.get(row.parentCode);
    if (row.parentCode !== null && parent === undefined) throw new Error(`demo office ${row.code} comes before its parent`);
    const path = parent === undefined ? row.code : `${parent.path}/${row.code}`;
    known.set(row.code, { path, type: row.type });
    const inAccount = (row.type === 'SUB_OFFICE' || row.type === 'BRANCH_OFFICE') && parent && ACCOUNTING_TYPES.includes(parent.type);
    return {
      code: row.code,
      name: row.name,
      type: row.type,
      parentCode: row.parentCode,
      path,
      openedOn: DEMO_OFFICES_OPENED_ON,
      status: 'ACTIVE',
      ...(inAccount ? { accountOfficeCode: row.parentCode } : {}),
      ...(row.pin ? { pin: row.pin } : {}),
    };
  });
}

/**
 * Seeds the demo offices and staff once: running it again changes nothing. `office.created` events are staged in the
 * same transaction, only for offices it inserted, so the accounts subgraph opens their charts exactly once; each new
 * member of staff gets their open assignment with them. Refuses to run in production: demo users with a known
 * password must never exist there.
 */
type Tx = Parameters<typeof insertOfficesIfAbsent>[0];

/**
 * Inserts the offices not there yet and stages an `office.created` event for each one inserted, in the caller's
 * transaction, as the office service does: the accounts subgraph opens each one's chart when its consumer hears of it.
 * For seeding (the demo, and bench:gateway's extra offices), which writes offices without a person behind them.
 */
export async function insertOfficesAnnounced(tx: Tx, rows: NewOffice[]) {
  const inserted = await insertOfficesIfAbsent(tx, rows);
  await stageEvents(
    tx,
    { outbox, processedEvents },
    inserted.map((office) =>
      newEvent(
        'office.created',
        {
          code: office.code,
          name: office.name,
          type: office.type,
          parentCode: office.parentCode,
          path: office.path,
          accountOfficeCode: office.accountOfficeCode,
          openedOn: office.openedOn,
        },
        { source: 'administration' },
      ),
    ),
  );
  return inserted;
}

export async function seedDemoAdministration(database: Database, nodeEnv: string): Promise<{ offices: number; staff: number }> {
  if (nodeEnv === 'production') throw new Error('the demo seed refuses to run with NODE_ENV=production');
  const present = await usernamesPresent(database.db, ALL_DEMO_STAFF.map((s) => s.username));
  const missing = ALL_DEMO_STAFF.filter((s) => !present.has(s.username));
  // One hash (scrypt is slow on purpose) for the one demo password: demo accounts share it anyway.
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : '';
  return database.db.transaction(async (tx) => {
    const inserted = await insertOfficesAnnounced(tx, demoOfficeRows(DEMO_OFFICES));
    const now = new Date();
    let staffInserted = 0;
    for (const member of missing) {
      const id = await insertStaffIfAbsent(tx, { ...member, passwordHash, mustChangePassword: false });
      if (id === undefined) continue;
      await openAssignment(tx, { staffId: id, officeCode: member.officeCode, startedAt: now, assignedBy: null });
      staffInserted += 1;
    }
    return { offices: inserted.length, staff: staffInserted };
  });
}
