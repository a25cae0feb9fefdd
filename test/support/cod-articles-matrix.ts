/**
 * The authorization matrix's rows for COD articles, collections and deposits (issue 12), kept beside the matrix so its
 * file gains two lines, not a module. Cells are set up by a service identity (in scope everywhere) and acted on by
 * the matrix's actors; the offices are the matrix's (own NDGPO, below NDGPO-CP, other ASVHO), each with a biller
 * settled there.
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import type { TestDatabase } from '@postal/testkit';
import { createArticleService } from '../../subgraphs/cod-settlement/src/articles/service.js';
import { s10Of } from '../../subgraphs/cod-settlement/src/articles/s10.js';
import { insertTestBiller } from '../../subgraphs/cod-settlement/src/articles/test-support/seed.js';
import { insertBankAccount } from '../../subgraphs/cod-settlement/src/billers/repository.js';
import { createDepositService } from '../../subgraphs/cod-settlement/src/deposits/index.js';
import { findOffices } from '../../subgraphs/cod-settlement/src/offices/repository.js';

export type Place = 'own' | 'below' | 'other';

export interface CodMatrixContext {
  database: () => TestDatabase['database'];
  identity: (actor: string) => Identity;
  officeAt: Record<Place, string>;
  clock: () => Date;
}

// prettier-ignore
export const COD_ARTICLE_EXPECTED: Record<string, string> = {
  //                                                      ADMIN FINANCE AUDITOR CLERK POSTMAN BILLER ANONYMOUS
  // With the COD grants of migration 0025 (administration): finance officers over their subtree, clerks and postmen
  // at their own office; a biller's own people see only their own biller's articles (for the BILLER, own is its own
  // biller's article, below and other another biller's) and act on none.
  'registerCodArticle (delivered at the office)':        'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  'uploadCodManifest':                                   'F--   A--     F--     F--   F--     F--    U--',
  'markOutForDelivery (delivered at the office)':        'NNN   FFN     FFN     ANN   ANN     NNN    UUU',
  'recordDelivery (out for delivery at the office)':     'NNN   FFN     FFN     ANN   ANN     NNN    UUU',
  'recordDeliveryFailure (out for delivery there)':      'NNN   FFN     FFN     ANN   ANN     NNN    UUU',
  'markReturnedToOrigin (registered at the office)':     'NNN   FFN     FFN     ANN   ANN     NNN    UUU',
  'markLostOrDamaged (registered at the office)':        'NNN   FFN     FFN     ANN   ANN     NNN    UUU',
  'clearDigitalCollections (settled at the office)':     'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'recordPostmanDeposit (cash collected at the office)': 'FFF   FFF     FFF     AFF   AFF     FFF    UUU',
  'codArticle(articleNumber) (delivered at the office)': 'NNN   AAN     AAN     ANN   ANN     ANN    UUU',
  'codArticles':                                         'F--   A--     A--     A--   A--     A--    U--',
  'codDeposits':                                         'F--   A--     A--     A--   A--     F--    U--',
  'codExceptions':                                       'F--   A--     A--     A--   A--     F--    U--',
  'postmanDaySheet of the office':                       'FFF   AAF     AAF     AFF   AFF     FFF    UUU',
};

const SETUP: Identity = { kind: 'service', service: 'cod-settlement' };
/**
 * One biller settled at each place's office. The matrix's BILLER is one of the own office's biller's people (bound to
 * BL700001), so for that column a place names a biller too: own = its own biller, below and other = other billers.
 */
export const BILLER_AT: Record<Place, string> = { own: 'BL700001', below: 'BL700002', other: 'BL700003' };

/** The COD rows' shared fixtures: the billers (written once) and articles taken as far as a cell needs. */
export type CodFixtures = ReturnType<typeof createCodFixtures>;

export function createCodFixtures(context: CodMatrixContext) {
  let serial = 70_000_000;
  let postmen = 0;
  let billersReady: Promise<Record<Place, { id: string; code: string }>> | undefined;
  const deps = (clock: () => Date = context.clock) => ({ database: context.database(), clock, timeZone: 'Asia/Kolkata' });
  const articles = (clock?: () => Date) => createArticleService(deps(clock));
  const deposits = (clock?: () => Date) => createDepositService(deps(clock));
  /** One biller settled at each place's office, with its payout account, written once. */
  const billers = () =>
    (billersReady ??= (async () => {
      const offices = await findOffices(context.database().db, Object.values(context.officeAt));
      return context.database().db.transaction(async (tx) => {
        const ids = {} as Record<Place, { id: string; code: string }>;
        for (const place of ['own', 'below', 'other'] as const) {
          const id = await insertTestBiller(tx, BILLER_AT[place], offices.get(context.officeAt[place])!);
          // Given at registration (the biller's creation instant, no change reason): payouts go there at once.
          await insertBankAccount(tx, { id: randomUUID(), billerId: id, accountHolderName: `Seller ${BILLER_AT[place]}`, accountNumber: '001234567890', ifsc: 'SBIN0000691', status: 'ACTIVE', requestedBy: 'seed', requestedAt: new Date('2026-01-01T00:00:00Z'), activatedOn: '2026-01-01' });
          ids[place] = { id, code: BILLER_AT[place] };
        }
        return ids;
      });
    })());
  const nextArticleNumber = () => s10Of('CM', String(serial++), 'IN');
  /**
   * An article of the place's biller delivered at the place's office, registered (and taken further) by the setup
   * identity, on `clock` (the matrix's unless told: a settlement fixture delivers weeks earlier, so it is due).
   */
  async function articleAt(place: Place, upTo: 'REGISTERED' | 'OUT_FOR_DELIVERY' | 'DELIVERED', mode: 'CASH' | 'UPI' = 'CASH', clock?: () => Date) {
    await billers();
    const articleNumber = nextArticleNumber();
    const postmanId = `PM-MATRIX-${++postmen}`;
    const office = context.officeAt[place];
    await articles(clock).register(SETUP, { articleNumber, billerCode: BILLER_AT[place], codAmount: '250', bookingOfficeCode: office, deliveryOfficeCode: office });
    if (upTo !== 'REGISTERED') await articles(clock).markOutForDelivery(SETUP, articleNumber, { postmanId, beat: 'Matrix beat' });
    if (upTo === 'DELIVERED') await articles(clock).recordDelivery(SETUP, articleNumber, { amount: '250', mode, podReference: 'POD', ...(mode === 'UPI' ? { paymentReference: '123456789012' } : {}) });
    return { articleNumber, postmanId, office };
  }
  /** A cash article delivered and deposited on `clock`: due for settlement from that day. */
  async function depositedArticleAt(place: Place, clock: () => Date) {
    const article = await articleAt(place, 'DELIVERED', 'CASH', clock);
    await deposits(clock).record(SETUP, { officeCode: article.office, postmanId: article.postmanId, depositedAmount: '250' });
    return article;
  }
  return { deps, articles, deposits, billers, nextArticleNumber, articleAt, depositedArticleAt };
}

export function codArticleOperations(context: CodMatrixContext, fixtures: CodFixtures = createCodFixtures(context)) {
  const { deps, articles, deposits, billers, articleAt, nextArticleNumber } = fixtures;
  const as = (actor: string) => context.identity(actor);
  const present = (value: unknown) => value !== null && value !== undefined;
  type Run = (actor: string, place: Place) => Promise<boolean>;
  const placed = (run: Run) => ({ placed: true, run });
  const once = (run: (actor: string) => Promise<boolean>) => ({ placed: false, run: (actor: string) => run(actor) });
  return {
    'registerCodArticle (delivered at the office)': placed(async (actor, place) => {
      await billers();
      const office = context.officeAt[place];
      return present(await articles().register(as(actor), { articleNumber: nextArticleNumber(), billerCode: BILLER_AT[place], codAmount: '100', bookingOfficeCode: office, deliveryOfficeCode: office }));
    }),
    uploadCodManifest: once(async (actor) => {
      // Refused before anything is stored or queued for every role seeded today; a role that may upload would need a
      // job queue here.
      const { createManifestService } = await import('../../subgraphs/cod-settlement/src/manifests/service.js');
      const noJobs = { add: async () => undefined } as never;
      const content = `article_number,biller_code,cod_amount,booking_office,delivery_office\n${nextArticleNumber()},${BILLER_AT.own},100,${context.officeAt.own},${context.officeAt.own}\n`;
      return present(await createManifestService(deps(), noJobs).submit(as(actor), { fileName: 'm.csv', content }));
    }),
    'markOutForDelivery (delivered at the office)': placed(async (actor, place) => present(await articles().markOutForDelivery(as(actor), (await articleAt(place, 'REGISTERED')).articleNumber, { postmanId: 'PM-1', beat: 'B' }))),
    'recordDelivery (out for delivery at the office)': placed(async (actor, place) =>
      present(await articles().recordDelivery(as(actor), (await articleAt(place, 'OUT_FOR_DELIVERY')).articleNumber, { amount: '250', mode: 'CASH', podReference: 'POD' })),
    ),
    'recordDeliveryFailure (out for delivery there)': placed(async (actor, place) => present(await articles().recordDeliveryFailure(as(actor), (await articleAt(place, 'OUT_FOR_DELIVERY')).articleNumber, 'door locked'))),
    'markReturnedToOrigin (registered at the office)': placed(async (actor, place) => present(await articles().markReturnedToOrigin(as(actor), (await articleAt(place, 'REGISTERED')).articleNumber, 'seller asked'))),
    'markLostOrDamaged (registered at the office)': placed(async (actor, place) =>
      present(await articles().markLostOrDamaged(as(actor), (await articleAt(place, 'REGISTERED')).articleNumber, { kind: 'DAMAGED', claimReference: 'CLM', reason: 'wet' })),
    ),
    'clearDigitalCollections (settled at the office)': placed(async (actor, place) =>
      present(await articles().clearDigital(as(actor), { articleNumbers: [(await articleAt(place, 'DELIVERED', 'UPI')).articleNumber], reference: 'AGG-1' })),
    ),
    'recordPostmanDeposit (cash collected at the office)': placed(async (actor, place) => {
      const { postmanId, office } = await articleAt(place, 'DELIVERED');
      return present(await deposits().record(as(actor), { officeCode: office, postmanId, depositedAmount: '250' }));
    }),
    'codArticle(articleNumber) (delivered at the office)': placed(async (actor, place) => present(await articles().find(as(actor), (await articleAt(place, 'DELIVERED')).articleNumber))),
    codArticles: once(async (actor) => (await articles().list(as(actor), null, 10, null)).edges.length > 0),
    codDeposits: once(async (actor) => present(await deposits().list(as(actor), null, 10))),
    codExceptions: once(async (actor) => present(await deposits().exceptions(as(actor), null, 10))),
    'postmanDaySheet of the office': placed(async (actor, place) => {
      const { postmanId, office } = await articleAt(place, 'DELIVERED');
      return present(await deposits().daySheet(as(actor), office, postmanId, context.clock().toISOString().slice(0, 10)));
    }),
  };
}
