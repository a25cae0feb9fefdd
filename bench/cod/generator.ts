import type { Database } from '@postal/db';
import { sql } from 'drizzle-orm';

/**
 * Set-based generation (INSERT ... SELECT over generate_series): billers spread over the settlement offices, each with
 * an active bank account and a T+2 contract paying out Monday to Friday on calendar IN; then the articles, delivered,
 * and their collections, in deterministic amounts from Rs 100 to about Rs 20,000 with paise, so both sides of the fee
 * rule's threshold occur; then the collections cash deposited (due) on `dueFrom`, in slices.
 */
export async function generateCod(database: Database, options: { billers: number; articles: number; settlementOffices: Array<{ code: string; path: string }>; delivery: Array<{ code: string; path: string }>; deliveredOn: string; dueFrom: string }): Promise<void> {
  const offices = JSON.stringify(options.settlementOffices);
  const delivery = JSON.stringify(options.delivery);
  const { db } = database;
  await db.execute(sql`
    with so as (select row_number() over () - 1 as i, o->>'code' as code, o->>'path' as path from jsonb_array_elements(${offices}::jsonb) o)
    insert into cod.billers (id, code, name, type, contact_name, contact_email, contact_phone, settlement_office_code, settlement_office_path, currency, status, created_by, created_at)
    select md5('biller' || g)::uuid, 'BL' || lpad(g::text, 6, '0'), 'Bench seller ' || g, 'ECOMMERCE', 'Owner', 'seller' || g || '@example.in', '+919800000000',
           so.code, so.path, 'INR', 'ACTIVE', 'bench', now()
    from generate_series(1, ${options.billers}) g join so on so.i = g % (select count(*) from so)`);
  await db.execute(sql`
    insert into cod.biller_bank_accounts (id, biller_id, account_holder_name, account_number, ifsc, status, requested_by, requested_at, activated_on)
    select md5('bank' || b.id)::uuid, b.id, b.name || ' Pvt Ltd', lpad((100000000000 + row_number() over ())::text, 12, '0'), 'HDFC0001234', 'ACTIVE', 'bench', now(), '2026-01-01'
    from cod.billers b`);
  await db.execute(sql`
    insert into cod.contracts (id, biller_id, version, effective_from, fee_rule, taxes, fee_source, settlement_cycle_days, payout_weekdays,
                               max_article_amount, dispute_window_days, bank_details_hold_days, holiday_calendar, created_by, created_at)
    select md5('contract' || b.id)::uuid, b.id, 1, '2026-01-01',
           '{"kind":"PERCENT_WITH_MINIMUM_THEN_EXCESS","threshold":"5000","percentUpToThreshold":"2","minimumFee":"50","baseAboveThreshold":"100","percentOfExcess":"1"}'::jsonb,
           '[{"name":"GST","percent":"18"}]'::jsonb, 'IN-COD-FEE-2017-07-01', 2, '[1,2,3,4,5]'::jsonb, '50000', 3, 7, 'IN', 'bench', now()
    from cod.billers b`);
  // Articles: number g gets serial g with the S10 check digit computed in SQL (weights 8 6 4 2 3 5 9 7).
  await db.execute(sql`
    with d as (select row_number() over () - 1 as i, o->>'code' as code, o->>'path' as path from jsonb_array_elements(${delivery}::jsonb) o),
    n as (select (select count(*) from d) as offices),
    a as (
      select g, lpad(g::text, 8, '0') as serial,
             (100 + (g::bigint * 7919) % 19900)::numeric + ((g::bigint * 31) % 100)::numeric / 100 as amount,
             1 + (g % ${options.billers}) as biller_no
      from generate_series(1, ${options.articles}) g)
    insert into cod.articles (id, article_number, biller_id, currency, cod_amount, booking_office_code, delivery_office_code, delivery_office_path,
                              status, booked_on, delivered_on, registered_by, registered_at)
    select md5('article' || a.g)::uuid,
           'EE' || a.serial || (select case 11 - s % 11 when 10 then 0 when 11 then 5 else 11 - s % 11 end
                                 from (select sum(substr(a.serial, k, 1)::int * (array[8,6,4,2,3,5,9,7])[k]) as s from generate_series(1, 8) k) w)::text || 'IN',
           md5('biller' || a.biller_no)::uuid, 'INR', a.amount, d.code, d.code, d.path, 'DELIVERED', ${options.deliveredOn}, ${options.deliveredOn}, 'bench', now()
    from a, n, d where d.i = a.g % n.offices`);
  await db.execute(sql`
    insert into cod.collections (article_id, biller_id, currency, amount, mode, pod_reference, postman_id, office_code, office_path, business_date,
                                 collected_at)
    select a.id, a.biller_id, 'INR', a.cod_amount, 'CASH', 'POD' || a.article_number, 'PM1', a.delivery_office_code, a.delivery_office_path,
           ${options.deliveredOn}, now()
    from cod.articles a`);
  // Then deposited as postmen deposit, a transaction at a time (a slice of delivery offices each, ~10,000 articles):
  // each collection becoming due is priced and added to its day's totals by the trigger, as in production.
  const slices = Math.max(1, Math.ceil(options.articles / 10_000));
  for (let slice = 0; slice < slices; slice += 1) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        update cod.collections c set deposit_id = md5('deposit' || c.office_code)::uuid, due_from = ${options.dueFrom}
        from cod.articles a
        where a.id = c.article_id and c.due_from is null and (get_byte(decode(md5(a.id::text), 'hex'), 0) * 256 + get_byte(decode(md5(a.id::text), 'hex'), 1)) % ${slices} = ${slice}`);
    });
  }
  await db.execute(sql`analyze cod.billers`);
  await db.execute(sql`analyze cod.contracts`);
  await db.execute(sql`analyze cod.articles`);
  // As autovacuum leaves a table whose rows were deposited days before the cycle settles them: analysed, and its pages
  // all-visible, so both the aggregation and the build can read indexes alone where their plans allow.
  await db.execute(sql`vacuum analyze cod.collections`);
  await db.execute(sql`vacuum analyze cod.due_days`);
}
