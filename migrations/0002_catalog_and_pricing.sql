CREATE TABLE "brands" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"logo" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brands_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "brands_name_uq" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"parent_id" text,
	"name" text NOT NULL,
	"icon" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_images" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"product_id" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_images_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_tags" (
	"tenant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"tag_id" text NOT NULL,
	CONSTRAINT "product_tags_tenant_id_product_id_tag_id_pk" PRIMARY KEY("tenant_id","product_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"subtitle" text,
	"category_id" text,
	"brand_id" text,
	"specs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"params" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"on_shelf" boolean DEFAULT false NOT NULL,
	"visible_types" text[] DEFAULT '{}' NOT NULL,
	"visible_level_ids" text[] DEFAULT '{}' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"sales_count" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sku_units" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"sku_id" text NOT NULL,
	"name" text NOT NULL,
	"conversion" integer NOT NULL,
	"barcode" text,
	"list_price_fen" bigint NOT NULL,
	"min_qty" integer DEFAULT 1 NOT NULL,
	"multiple" integer DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	CONSTRAINT "sku_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sku_units_name_uq" UNIQUE("tenant_id","sku_id","name"),
	CONSTRAINT "sku_units_barcode_uq" UNIQUE("tenant_id","barcode")
);
--> statement-breakpoint
CREATE TABLE "skus" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"product_id" text NOT NULL,
	"code" text NOT NULL,
	"barcode" text,
	"spec_values" text[] DEFAULT '{}' NOT NULL,
	"cost_price_fen" bigint DEFAULT 0 NOT NULL,
	"weight_grams" integer DEFAULT 0 NOT NULL,
	"base_unit" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skus_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "skus_code_uq" UNIQUE("tenant_id","code"),
	CONSTRAINT "skus_barcode_uq" UNIQUE("tenant_id","barcode")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tags_name_uq" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "customer_prices" (
	"tenant_id" text NOT NULL,
	"sku_unit_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_prices_tenant_id_sku_unit_id_customer_id_pk" PRIMARY KEY("tenant_id","sku_unit_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "level_prices" (
	"tenant_id" text NOT NULL,
	"sku_unit_id" text NOT NULL,
	"level_id" text NOT NULL,
	"mode" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "level_prices_tenant_id_sku_unit_id_level_id_pk" PRIMARY KEY("tenant_id","sku_unit_id","level_id")
);
--> statement-breakpoint
CREATE TABLE "price_tiers" (
	"tenant_id" text NOT NULL,
	"sku_unit_id" text NOT NULL,
	"source" text NOT NULL,
	"ref_id" text DEFAULT '' NOT NULL,
	"min_qty" integer NOT NULL,
	"price_fen" bigint NOT NULL,
	CONSTRAINT "price_tiers_tenant_id_sku_unit_id_source_ref_id_min_qty_pk" PRIMARY KEY("tenant_id","sku_unit_id","source","ref_id","min_qty")
);
--> statement-breakpoint
CREATE TABLE "special_prices" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"sku_unit_id" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"level_ids" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_prices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_tags" ADD CONSTRAINT "product_tags_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_tags" ADD CONSTRAINT "product_tags_tenant_id_tag_id_tags_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tag_id") REFERENCES "public"."tags"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_category_id_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_brand_id_brands_tenant_id_id_fk" FOREIGN KEY ("tenant_id","brand_id") REFERENCES "public"."brands"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_units" ADD CONSTRAINT "sku_units_tenant_id_sku_id_skus_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_id") REFERENCES "public"."skus"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_prices" ADD CONSTRAINT "customer_prices_tenant_id_sku_unit_id_sku_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_unit_id") REFERENCES "public"."sku_units"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_prices" ADD CONSTRAINT "customer_prices_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_prices" ADD CONSTRAINT "level_prices_tenant_id_sku_unit_id_sku_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_unit_id") REFERENCES "public"."sku_units"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_prices" ADD CONSTRAINT "level_prices_tenant_id_level_id_customer_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","level_id") REFERENCES "public"."customer_levels"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_tiers" ADD CONSTRAINT "price_tiers_tenant_id_sku_unit_id_sku_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_unit_id") REFERENCES "public"."sku_units"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_prices" ADD CONSTRAINT "special_prices_tenant_id_sku_unit_id_sku_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sku_unit_id") REFERENCES "public"."sku_units"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "product_images_product_idx" ON "product_images" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "product_tags_tag_idx" ON "product_tags" USING btree ("tenant_id","tag_id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("tenant_id","category_id");--> statement-breakpoint
CREATE INDEX "products_brand_idx" ON "products" USING btree ("tenant_id","brand_id");--> statement-breakpoint
CREATE INDEX "products_search_trgm_idx" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sku_units_sku_idx" ON "sku_units" USING btree ("tenant_id","sku_id");--> statement-breakpoint
CREATE INDEX "skus_product_idx" ON "skus" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "customer_prices_customer_idx" ON "customer_prices" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "special_prices_unit_idx" ON "special_prices" USING btree ("tenant_id","sku_unit_id");