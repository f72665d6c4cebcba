CREATE TABLE "order_allocations" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"reserved" bigint NOT NULL,
	"shipped" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "order_allocations_tenant_id_order_id_sku_id_warehouse_id_pk" PRIMARY KEY("tenant_id","order_id","sku_id","warehouse_id"),
	CONSTRAINT "order_allocations_nonneg" CHECK ("order_allocations"."reserved" >= 0 and "order_allocations"."shipped" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"tenant_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"on_hand" bigint DEFAULT 0 NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"safety_stock" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_tenant_id_sku_id_warehouse_id_pk" PRIMARY KEY("tenant_id","sku_id","warehouse_id"),
	CONSTRAINT "stock_levels_on_hand_nonneg" CHECK ("stock_levels"."on_hand" >= 0),
	CONSTRAINT "stock_levels_reserved_range" CHECK ("stock_levels"."reserved" >= 0 and "stock_levels"."reserved" <= "stock_levels"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" bigint DEFAULT 0 NOT NULL,
	"reserved_delta" bigint DEFAULT 0 NOT NULL,
	"doc_type" text NOT NULL,
	"doc_id" text NOT NULL,
	"reason" text,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"region_ids" text[] DEFAULT '{}' NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warehouses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "warehouses_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stock_policy" text DEFAULT 'block' NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_tenant_id_warehouse_id_warehouses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "public"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_tenant_id_sku_id_skus_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_id") REFERENCES "public"."skus"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movements_sku_idx" ON "stock_movements" USING btree ("tenant_id","sku_id","warehouse_id","id");--> statement-breakpoint
CREATE INDEX "stock_movements_doc_idx" ON "stock_movements" USING btree ("tenant_id","doc_type","doc_id");