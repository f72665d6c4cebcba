CREATE TABLE "product_search_keys" (
	"tenant_id" text NOT NULL,
	"key" text COLLATE "C" NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "product_search_keys_tenant_id_key_product_id_pk" PRIMARY KEY("tenant_id","key","product_id")
);
--> statement-breakpoint
ALTER TABLE "product_search_keys" ADD CONSTRAINT "product_search_keys_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_search_keys_product_idx" ON "product_search_keys" USING btree ("tenant_id","product_id");