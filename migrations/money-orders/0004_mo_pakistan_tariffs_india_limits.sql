-- Reference data beside the India tariffs (0001): Pakistan's slab tariff, and India's 2024 booking limits. Must equal
-- PAKISTAN_TARIFFS (src/tariffs/pakistan-tariffs.ts) and INDIA_LIMITS (src/limits/domain.ts); tests compare them.
-- The operator's currency (MoneyOrdersOptions.currency) picks which rows apply.
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "tax_rate_percent", "source") VALUES ('PK-MO-ORDINARY-2015-01-01', 'ORDINARY', 'PKR', '2015-01-01', NULL, '1', '20000', true, '{"kind":"SLABS","slabs":[{"upTo":"10000","charge":"75"},{"upTo":"20000","charge":"100"}]}'::jsonb, '0', 'DOMAIN.md, Money orders: Pakistan slabs (2015)');
--> statement-breakpoint
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "tax_rate_percent", "source") VALUES ('PK-MO-SERVICE-2015-01-01', 'SERVICE', 'PKR', '2015-01-01', NULL, '1', '20000', true, '{"kind":"FREE"}'::jsonb, '0', 'DOMAIN.md, Money orders: service MO, no commission');
--> statement-breakpoint
INSERT INTO "money_orders"."limits" ("id", "kind", "product", "cap_group", "currency", "amount", "effective_from", "effective_to", "source") VALUES
  ('IN-LIMIT-PER_ORDER-ORDINARY-2024-12-16', 'PER_ORDER', 'ORDINARY', NULL, 'INR', '10000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 10,000 per MO'),
  ('IN-LIMIT-PER_ORDER-ELECTRONIC-2024-12-16', 'PER_ORDER', 'ELECTRONIC', NULL, 'INR', '10000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 10,000 per MO'),
  ('IN-LIMIT-PER_ORDER-INSTANT-2024-12-16', 'PER_ORDER', 'INSTANT', NULL, 'INR', '10000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 10,000 per MO'),
  ('IN-LIMIT-PER_SENDER_MONTH-ORDINARY-2024-12-16', 'PER_SENDER_MONTH', 'ORDINARY', 'RETAIL', 'INR', '25000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 25,000 per sender per month for retail'),
  ('IN-LIMIT-PER_SENDER_MONTH-ELECTRONIC-2024-12-16', 'PER_SENDER_MONTH', 'ELECTRONIC', 'RETAIL', 'INR', '25000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 25,000 per sender per month for retail'),
  ('IN-LIMIT-PER_SENDER_MONTH-INSTANT-2024-12-16', 'PER_SENDER_MONTH', 'INSTANT', 'RETAIL', 'INR', '25000', '2024-12-16', NULL, 'DOMAIN.md, Money orders: 2024 regulations, Rs 25,000 per sender per month for retail');
