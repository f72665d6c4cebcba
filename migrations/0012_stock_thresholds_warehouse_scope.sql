ALTER TABLE "staff_users" ADD COLUMN "warehouse_ids" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "low_stock_qty" bigint;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "overstock_qty" bigint;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "low_stock_qty" bigint;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "overstock_qty" bigint;--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_stock_thresholds" CHECK (("skus"."low_stock_qty" is null or "skus"."low_stock_qty" >= 0) and ("skus"."overstock_qty" is null or "skus"."overstock_qty" >= 0) and ("skus"."low_stock_qty" is null or "skus"."overstock_qty" is null or "skus"."overstock_qty" > "skus"."low_stock_qty"));--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_thresholds" CHECK (("stock_levels"."low_stock_qty" is null or "stock_levels"."low_stock_qty" >= 0) and ("stock_levels"."overstock_qty" is null or "stock_levels"."overstock_qty" >= 0) and ("stock_levels"."low_stock_qty" is null or "stock_levels"."overstock_qty" is null or "stock_levels"."overstock_qty" > "stock_levels"."low_stock_qty"));