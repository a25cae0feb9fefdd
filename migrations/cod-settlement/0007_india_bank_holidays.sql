-- Calendar IN: national bank holidays for 2026 and 2027. Must equal INDIA_BANK_HOLIDAYS in
-- subgraphs/cod-settlement/src/contracts/india-bank-holidays.ts (its comment gives the source); a test compares them.
INSERT INTO "cod"."bank_holidays" ("calendar", "date", "name") VALUES
  ('IN', '2026-01-26', 'Republic Day'),
  ('IN', '2026-03-04', 'Holi'),
  ('IN', '2026-03-21', 'Id-ul-Fitr'),
  ('IN', '2026-03-31', 'Mahavir Jayanti'),
  ('IN', '2026-04-03', 'Good Friday'),
  ('IN', '2026-05-01', 'Buddha Purnima'),
  ('IN', '2026-05-27', 'Id-ul-Zuha (Bakrid)'),
  ('IN', '2026-06-26', 'Muharram'),
  ('IN', '2026-08-15', 'Independence Day'),
  ('IN', '2026-08-26', 'Milad-un-Nabi'),
  ('IN', '2026-10-02', 'Mahatma Gandhi''s Birthday'),
  ('IN', '2026-10-20', 'Dussehra (Vijaya Dashami)'),
  ('IN', '2026-11-08', 'Diwali (Deepavali)'),
  ('IN', '2026-11-24', 'Guru Nanak''s Birthday'),
  ('IN', '2026-12-25', 'Christmas Day'),
  ('IN', '2027-01-26', 'Republic Day'),
  ('IN', '2027-03-10', 'Id-ul-Fitr (provisional)'),
  ('IN', '2027-03-22', 'Holi (provisional)'),
  ('IN', '2027-03-26', 'Good Friday'),
  ('IN', '2027-08-15', 'Independence Day'),
  ('IN', '2027-10-02', 'Mahatma Gandhi''s Birthday'),
  ('IN', '2027-10-29', 'Diwali (Deepavali) (provisional)'),
  ('IN', '2027-12-25', 'Christmas Day')
ON CONFLICT ("calendar", "date") DO NOTHING;
