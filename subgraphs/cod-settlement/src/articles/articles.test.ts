import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { Decimal } from '@postal/money';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codExceptions } from '../exceptions/tables.js';
import { ledgerMovements } from '../ledger/tables.js';
import { outbox } from '../db-schema.js';
import { createArticleService } from './service.js';
import { articleEvents, articles, collections } from './tables.js';
import { articleNumber, BILLERS, financeOfficer, MAX_ARTICLE_AMOUNT, OFFICES, postman, seed, staffAt, testDeps, type Seeded } from './test-support/seed.js';

let testDatabase: TestDatabase;
let seeded: Seeded;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  seeded = await seed(testDatabase.database);
}, 60_000);
afterAll(() => testDatabase?.drop());

let serial = 10_000;
const next = () => articleNumber(serial++);
const service = () => createArticleService(testDeps(testDatabase.database).deps);
const officer = financeOfficer();
const ram = postman();

function registration(overrides: Record<string, unknown> = {}) {
  return { articleNumber: next(), billerCode: BILLERS.active.code, codAmount: '1499.50', bookingOfficeCode: OFFICES.head.code, deliveryOfficeCode: OFFICES.sub.code, ...overrides };
}

async function registered(overrides: Record<string, unknown> = {}) {
  return service().register(officer, registration(overrides));
}

async function outForDelivery(overrides: Record<string, unknown> = {}) {
  const article = await registered(overrides);
  await service().markOutForDelivery(ram, article.articleNumber, { postmanId: 'PM-RAM', beat: 'Beat 4' });
  return article;
}

describe('registerCodArticle', () => {
  it('registers an article with its REGISTERED event, booked today by default', async () => {
    const article = await registered();
    expect(article).toMatchObject({ status: 'REGISTERED', billerCode: BILLERS.active.code, codAmount: '1499.50', bookedOn: '2026-03-10', deliveryOfficePath: OFFICES.sub.path });
    const timeline = await service().timeline(article.id);
    expect(timeline.map((event) => [event.type, event.fromStatus, event.toStatus])).toEqual([['REGISTERED', null, 'REGISTERED']]);
  });

  it('answers the same article for the same facts, and ARTICLE_CONFLICT for other facts', async () => {
    const input = registration();
    const first = await service().register(officer, input);
    const again = await service().register(officer, { ...input, codAmount: '1499.500'.slice(0, 7) });
    expect(again.id).toBe(first.id);
    await expect(service().register(officer, { ...input, codAmount: '1500' })).rejects.toMatchObject({ code: 'ARTICLE_CONFLICT' });
    await expect(service().register(officer, { ...input, deliveryOfficeCode: OFFICES.branch.code })).rejects.toMatchObject({ code: 'ARTICLE_CONFLICT' });
    const rows = await testDatabase.database.db.select().from(articles).where(eq(articles.articleNumber, input.articleNumber));
    expect(rows).toHaveLength(1);
  });

  it('takes two racing registrations of one article as one', async () => {
    const input = registration();
    const [a, b] = await Promise.all([service().register(officer, input), service().register(officer, input)]);
    expect(a.id).toBe(b.id);
  });

  it.each([
    [{ articleNumber: 'EE123456784IN' }, 'INVALID_ARTICLE_NUMBER'],
    [{ articleNumber: 'not-a-number' }, 'INVALID_ARTICLE_NUMBER'],
    [{ billerCode: 'BL999999' }, 'BILLER_NOT_FOUND'],
    [{ billerCode: BILLERS.suspended.code }, 'BILLER_NOT_ACTIVE'],
    [{ billerCode: BILLERS.noContract.code }, 'CONTRACT_NOT_FOUND'],
    [{ codAmount: '0' }, 'INVALID_AMOUNT'],
    [{ codAmount: '-1' }, 'INVALID_AMOUNT'],
    [{ codAmount: '10.001' }, 'INVALID_AMOUNT'],
    [{ codAmount: new Decimal(MAX_ARTICLE_AMOUNT).plus('0.01').toFixed() }, 'AMOUNT_OUT_OF_RANGE'],
    [{ deliveryOfficeCode: 'NOWHERE' }, 'OFFICE_NOT_FOUND'],
    [{ bookingOfficeCode: 'NOWHERE' }, 'OFFICE_NOT_FOUND'],
    [{ deliveryOfficeCode: OFFICES.division.code }, 'OFFICE_NOT_ELIGIBLE'],
    [{ deliveryOfficeCode: OFFICES.other.code }, 'FORBIDDEN'],
    [{ bookedOn: '2026-03-11' }, 'INVALID_DATE'],
    [{ bookedOn: '2026-02-30' }, 'INVALID_DATE'],
    // Before the contract's first day there is no contract in force.
    [{ bookedOn: '2025-12-31' }, 'CONTRACT_NOT_FOUND'],
  ])('refuses %j with %s', async (overrides, code) => {
    await expect(registered(overrides)).rejects.toMatchObject({ code });
  });

  it('takes the contract maximum itself, and a date in the past', async () => {
    expect((await registered({ codAmount: MAX_ARTICLE_AMOUNT, bookedOn: '2026-03-01' })).bookedOn).toBe('2026-03-01');
  });

  it('needs cod.article.register over the delivery office', async () => {
    const subClerk = staffAt('sub', [['cod.article.register', 'OWN_OFFICE']]);
    expect((await service().register(subClerk, registration())).deliveryOfficeCode).toBe(OFFICES.sub.code);
    await expect(service().register(subClerk, registration({ deliveryOfficeCode: OFFICES.branch.code }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().register(ram, registration())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().register({ kind: 'anonymous' }, registration())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('article events', () => {
  it('goes out for delivery and is delivered in cash: the collection, deliveredOn and the COLLECTED movement', async () => {
    const article = await outForDelivery();
    const delivered = await service().recordDelivery(ram, article.articleNumber, { amount: '1499.50', mode: 'CASH', podReference: 'EPOD-77' });
    expect(delivered).toMatchObject({ status: 'DELIVERED', deliveredOn: '2026-03-10', version: 3 });
    const collection = await service().collection(article.id);
    expect(collection).toMatchObject({ amount: '1499.50', mode: 'CASH', postmanId: 'PM-RAM', beat: 'Beat 4', differs: false, officeCode: OFFICES.sub.code, depositId: null, dueFrom: null });
    const [movement] = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, article.id));
    expect(movement).toMatchObject({ movement: 'COLLECTED', subjectType: 'ARTICLE', billerId: seeded.billerIds.active, officeCode: OFFICES.sub.code, businessDate: '2026-03-10', status: 'STAGED' });
    expect(movement!.payload).toMatchObject({
      movement: 'COLLECTED',
      billerCode: BILLERS.active.code,
      settlementOfficeCode: OFFICES.head.code,
      officeCode: OFFICES.sub.code,
      articleNumber: article.articleNumber,
      mode: 'CASH',
      amount: '1499.50',
      currency: 'INR',
      businessDate: '2026-03-10',
      actor: { kind: 'staff', username: 'postman-ram' },
    });
    // The ledger hears of it through the outbox, in the same transaction.
    const staged = await testDatabase.database.db.select().from(outbox).where(eq(outbox.type, 'cod.movement'));
    expect(staged.filter((row) => (row.payload as { movementId?: string }).movementId === movement!.movementId)).toHaveLength(1);
    const timeline = await service().timeline(article.id);
    expect(timeline.map((event) => event.type)).toEqual(['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(timeline[1]!.details).toMatchObject({ postmanId: 'PM-RAM', beat: 'Beat 4' });
  });

  it.each([
    ['450.00', 'SHORT_COLLECTION', '50'],
    ['525.25', 'EXCESS_COLLECTION', '25.25'],
  ])('records a collection of %s against 500 and raises %s of %s', async (amount, type, difference) => {
    const article = await outForDelivery({ codAmount: '500' });
    await service().recordDelivery(ram, article.articleNumber, { amount, mode: 'UPI', paymentReference: '123456789012', podReference: 'EPOD-1' });
    expect(await service().collection(article.id)).toMatchObject({ differs: true, amount, mode: 'UPI', paymentReference: '123456789012' });
    const raised = await testDatabase.database.db.select().from(codExceptions).where(eq(codExceptions.articleId, article.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ type, status: 'OPEN', amount: difference, billerId: seeded.billerIds.active, officeCode: OFFICES.sub.code, raisedBy: 'postman-ram' });
    const [movement] = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, article.id));
    // A digital collection lands at the settlement office (UPI clearing), for what was collected.
    expect(movement).toMatchObject({ officeCode: OFFICES.head.code });
    expect(movement!.payload).toMatchObject({ mode: 'UPI', amount });
  });

  it('refuses a digital collection without its reference, and a cash one with a reference', async () => {
    const article = await outForDelivery();
    await expect(service().recordDelivery(ram, article.articleNumber, { amount: '1499.50', mode: 'UPI', podReference: 'P' })).rejects.toMatchObject({ code: 'INVALID_PAYMENT_REFERENCE' });
    await expect(service().recordDelivery(ram, article.articleNumber, { amount: '1499.50', mode: 'CARD', paymentReference: '12', podReference: 'P' })).rejects.toMatchObject({ code: 'INVALID_PAYMENT_REFERENCE' });
    await expect(service().recordDelivery(ram, article.articleNumber, { amount: '1499.50', mode: 'CASH', paymentReference: '123456789012', podReference: 'P' })).rejects.toMatchObject({ code: 'INVALID_PAYMENT_REFERENCE' });
    await expect(service().recordDelivery(ram, article.articleNumber, { amount: '1499.505', mode: 'CASH', podReference: 'P' })).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    // Nothing of the refused attempts stayed.
    expect(await service().collection(article.id)).toBeUndefined();
    expect((await service().find(officer, article.articleNumber))?.status).toBe('OUT_FOR_DELIVERY');
  });

  it('walks every other legal transition and writes each to the timeline', async () => {
    const failed = await outForDelivery();
    await service().recordDeliveryFailure(ram, failed.articleNumber, 'addressee away');
    await service().markOutForDelivery(ram, failed.articleNumber, { postmanId: 'PM-RAM', beat: 'Beat 4' });
    await service().recordDeliveryFailure(ram, failed.articleNumber, 'refused');
    const returned = await service().markReturnedToOrigin(ram, failed.articleNumber, 'two attempts failed');
    expect(returned.status).toBe('RTO');
    expect((await service().timeline(failed.id)).map((event) => `${event.fromStatus ?? ''}>${event.toStatus}`)).toEqual([
      '>REGISTERED',
      'REGISTERED>OUT_FOR_DELIVERY',
      'OUT_FOR_DELIVERY>DELIVERY_FAILED',
      'DELIVERY_FAILED>OUT_FOR_DELIVERY',
      'OUT_FOR_DELIVERY>DELIVERY_FAILED',
      'DELIVERY_FAILED>RTO',
    ]);
    expect((await service().markReturnedToOrigin(ram, (await registered()).articleNumber, 'seller asked')).status).toBe('RTO');
    expect((await service().markLostOrDamaged(ram, (await registered()).articleNumber, { kind: 'LOST', claimReference: 'CLM-1', reason: 'bag missing' })).status).toBe('LOST');
    expect((await service().markLostOrDamaged(ram, (await outForDelivery()).articleNumber, { kind: 'DAMAGED', claimReference: 'CLM-2', reason: 'wet' })).status).toBe('DAMAGED');
    const lostAfterFailure = await outForDelivery();
    await service().recordDeliveryFailure(ram, lostAfterFailure.articleNumber, 'closed');
    expect((await service().markLostOrDamaged(ram, lostAfterFailure.articleNumber, { kind: 'LOST', claimReference: 'CLM-3', reason: 'not found' })).status).toBe('LOST');
    // Nothing staged for the ledger by any of these: nothing was collected.
    const staged = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, failed.id));
    expect(staged).toHaveLength(0);
  });

  it('refuses illegal transitions with INVALID_TRANSITION and changes nothing', async () => {
    const fresh = await registered();
    await expect(service().recordDelivery(ram, fresh.articleNumber, { amount: '1', mode: 'CASH', podReference: 'P' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(service().recordDeliveryFailure(ram, fresh.articleNumber, 'x')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const out = await outForDelivery();
    await expect(service().markOutForDelivery(ram, out.articleNumber, { postmanId: 'PM-RAM', beat: 'B' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(service().markReturnedToOrigin(ram, out.articleNumber, 'x')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await service().recordDelivery(ram, out.articleNumber, { amount: '1499.50', mode: 'CASH', podReference: 'P' });
    for (const attempt of [
      () => service().markOutForDelivery(ram, out.articleNumber, { postmanId: 'PM-RAM', beat: 'B' }),
      () => service().recordDelivery(ram, out.articleNumber, { amount: '1499.50', mode: 'CASH', podReference: 'P' }),
      () => service().recordDeliveryFailure(ram, out.articleNumber, 'x'),
      () => service().markReturnedToOrigin(ram, out.articleNumber, 'x'),
      () => service().markLostOrDamaged(ram, out.articleNumber, { kind: 'LOST', claimReference: 'C', reason: 'x' }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    }
    expect(await service().timeline(out.id)).toHaveLength(3);
    const rows = await testDatabase.database.db.select().from(collections).where(eq(collections.articleId, out.id));
    expect(rows).toHaveLength(1);
  });

  it('takes two racing deliveries of one article as one: the second is INVALID_TRANSITION', async () => {
    const article = await outForDelivery();
    const results = await Promise.allSettled([1, 2].map(() => service().recordDelivery(ram, article.articleNumber, { amount: '1499.50', mode: 'CASH', podReference: 'P' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'INVALID_TRANSITION' } });
    expect(await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, article.id))).toHaveLength(1);
  });

  it('keeps events to cod.collect at the delivery office: elsewhere not found, or forbidden to a reader', async () => {
    const article = await registered();
    const mumbaiPostman = staffAt('other', [['cod.collect', 'OWN_OFFICE']]);
    await expect(service().markOutForDelivery(mumbaiPostman, article.articleNumber, { postmanId: 'PM-X', beat: 'B' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    // The head office's postman holds cod.collect for the head office only, not its sub office.
    const headPostman = staffAt('head', [['cod.collect', 'OWN_OFFICE']]);
    await expect(service().markOutForDelivery(headPostman, article.articleNumber, { postmanId: 'PM-X', beat: 'B' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(service().markOutForDelivery(officer, article.articleNumber, { postmanId: 'PM-X', beat: 'B' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().markOutForDelivery(ram, 'EE000000000IN', { postmanId: 'PM-X', beat: 'B' })).rejects.toMatchObject({ code: 'INVALID_ARTICLE_NUMBER' });
    await expect(service().markOutForDelivery(ram, articleNumber(99_999_999), { postmanId: 'PM-X', beat: 'B' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(service().markOutForDelivery(ram, article.articleNumber, { postmanId: 'bad id!', beat: 'B' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await service().timeline(article.id)).toHaveLength(1);
  });
});

describe('clearDigitalCollections', () => {
  it('clears UPI and card collections per biller with one DIGITAL_CLEARED movement each, and refuses a second clearing', async () => {
    const upi = await outForDelivery({ codAmount: '300' });
    await service().recordDelivery(ram, upi.articleNumber, { amount: '300', mode: 'UPI', paymentReference: '111122223333', podReference: 'P1' });
    const card = await outForDelivery({ codAmount: '200.25' });
    await service().recordDelivery(ram, card.articleNumber, { amount: '200.25', mode: 'CARD', paymentReference: 'AB12CD', podReference: 'P2' });
    const other = await outForDelivery({ codAmount: '50', billerCode: BILLERS.second.code });
    await service().recordDelivery(ram, other.articleNumber, { amount: '50', mode: 'UPI', paymentReference: '999988887777', podReference: 'P3' });
    const result = await service().clearDigital(officer, { articleNumbers: [upi.articleNumber, card.articleNumber, other.articleNumber], reference: 'AGG-2026-03-10' });
    expect(result.billers.map((b) => [b.billerCode, b.amount, b.articleCount]).sort()).toEqual([
      [BILLERS.active.code, '500.25', 2],
      [BILLERS.second.code, '50', 1],
    ]);
    expect(await service().collection(upi.id)).toMatchObject({ clearedOn: '2026-03-10', clearedReference: 'AGG-2026-03-10', dueFrom: '2026-03-10' });
    const movement = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.movementId, result.billers.find((b) => b.billerCode === BILLERS.active.code)!.movementId));
    expect(movement[0]).toMatchObject({ movement: 'DIGITAL_CLEARED', subjectType: 'CLEARING', billerId: seeded.billerIds.active, officeCode: OFFICES.head.code });
    expect(movement[0]!.payload).toMatchObject({ billerCode: BILLERS.active.code, settlementOfficeCode: OFFICES.head.code, reference: 'AGG-2026-03-10', amount: '500.25' });
    await expect(service().clearDigital(officer, { articleNumbers: [upi.articleNumber], reference: 'AGAIN' })).rejects.toMatchObject({ code: 'NOT_CLEARABLE' });
  });

  it('refuses cash, undelivered and unknown articles, and callers without cod.dispute.manage at the settlement office', async () => {
    const cash = await outForDelivery();
    await service().recordDelivery(ram, cash.articleNumber, { amount: '1499.50', mode: 'CASH', podReference: 'P' });
    await expect(service().clearDigital(officer, { articleNumbers: [cash.articleNumber], reference: 'R' })).rejects.toMatchObject({ code: 'NOT_CLEARABLE' });
    await expect(service().clearDigital(officer, { articleNumbers: [(await registered()).articleNumber], reference: 'R' })).rejects.toMatchObject({ code: 'NOT_CLEARABLE' });
    await expect(service().clearDigital(officer, { articleNumbers: [articleNumber(99_999_998)], reference: 'R' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(service().clearDigital(officer, { articleNumbers: [], reference: 'R' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const upi = await outForDelivery();
    await service().recordDelivery(ram, upi.articleNumber, { amount: '1499.50', mode: 'UPI', paymentReference: '123412341234', podReference: 'P' });
    const subFinance = staffAt('sub', [['cod.dispute.manage', 'SUBTREE'], ['cod.read', 'SUBTREE']]);
    await expect(service().clearDigital(subFinance, { articleNumbers: [upi.articleNumber], reference: 'R' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().clearDigital(ram, { articleNumbers: [upi.articleNumber], reference: 'R' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await service().collection(upi.id))?.clearedOn).toBeNull();
  });
});

describe('article queries', () => {
  it('finds an article in cod.read or cod.collect scope only, and pages the list', async () => {
    const article = await registered();
    expect((await service().find(officer, article.articleNumber))?.id).toBe(article.id);
    expect((await service().find(ram, article.articleNumber))?.id).toBe(article.id);
    expect(await service().find(staffAt('other', [['cod.read', 'SUBTREE']]), article.articleNumber)).toBeNull();
    expect(await service().find(officer, 'garbage')).toBeNull();
    const page = await service().list(officer, { deliveryOfficeCode: OFFICES.sub.code, status: 'REGISTERED' }, 2, null);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const nextPage = await service().list(officer, { deliveryOfficeCode: OFFICES.sub.code, status: 'REGISTERED' }, 2, page.pageInfo.endCursor);
    expect(nextPage.edges.map((edge) => edge.node.id)).not.toContain(page.edges[0]!.node.id);
    expect((await service().list(staffAt('other', [['cod.read', 'SUBTREE']]), null, 10, null)).edges).toHaveLength(0);
    await expect(service().list(ram, null, 10, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().list(officer, null, 10, 'not-a-cursor')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const delivered = await service().list(officer, { deliveredFrom: '2026-03-10', deliveredTo: '2026-03-10', billerCode: BILLERS.active.code }, 100, null);
    expect(delivered.edges.every((edge) => edge.node.status === 'DELIVERED' && edge.node.deliveredOn === '2026-03-10')).toBe(true);
  });

  it('shows a BILLER caller its own articles only (identity.billerCode with cod.biller.self)', async () => {
    const mine = await registered();
    const theirs = await registered({ billerCode: BILLERS.second.code });
    const sellerStaff = { ...staffAt('head', [['cod.biller.self', 'OWN_OFFICE']]), billerCode: BILLERS.active.code };
    expect((await service().find(sellerStaff, mine.articleNumber))?.id).toBe(mine.id);
    expect(await service().find(sellerStaff, theirs.articleNumber)).toBeNull();
    const page = await service().list(sellerStaff, null, 100, null);
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.edges.every((edge) => edge.node.billerCode === BILLERS.active.code)).toBe(true);
    const events = await testDatabase.database.db.select().from(articleEvents).where(eq(articleEvents.articleId, mine.id));
    expect(events).toHaveLength(1);
  });
});
