-- India Post money-order tariffs (reference data). Must equal INDIA_TARIFFS in
-- subgraphs/money-orders/src/tariffs/india-tariffs.ts; a test compares them. A tariff change is a new migration
-- that ends the old version (effective_to) and inserts the new one.
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "source") VALUES ('IN-MO-ORDINARY-2010-01-01', 'ORDINARY', 'INR', '2010-01-01', '2024-12-16', '1', '5000', true, '{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}'::jsonb, 'DOMAIN.md, Money orders: India tariff');
--> statement-breakpoint
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "source") VALUES ('IN-MO-ORDINARY-2024-12-16', 'ORDINARY', 'INR', '2024-12-16', NULL, '1', '10000', true, '{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}'::jsonb, 'DOMAIN.md, Money orders: India tariff');
--> statement-breakpoint
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "source") VALUES ('IN-MO-ELECTRONIC-2008-10-10', 'ELECTRONIC', 'INR', '2008-10-10', NULL, '1', '5000', true, '{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}'::jsonb, 'DOMAIN.md, Money orders: India tariff');
--> statement-breakpoint
INSERT INTO "money_orders"."tariffs" ("id", "product", "currency", "effective_from", "effective_to", "min_amount", "max_amount", "whole_units_only", "rule", "source") VALUES ('IN-MO-SERVICE-2010-01-01', 'SERVICE', 'INR', '2010-01-01', NULL, '1', '5000', true, '{"kind":"FREE"}'::jsonb, 'DOMAIN.md, Money orders: India tariff');
