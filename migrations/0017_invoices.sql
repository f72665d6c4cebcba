CREATE TABLE "invoice_lines" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"order_id" text NOT NULL,
	"order_no" text NOT NULL,
	"shipment_id" text,
	"shipment_no" text,
	"description" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	CONSTRAINT "invoice_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoice_lines_amounts" CHECK ("invoice_lines"."amount_fen" > 0 and "invoice_lines"."tax_fen" >= 0 and "invoice_lines"."tax_fen" <= "invoice_lines"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "invoice_requests" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"buyer" jsonb,
	"profile_id" text,
	"source" text NOT NULL,
	"by_kind" text NOT NULL,
	"by_id" text NOT NULL,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "invoice_requests_tenant_id_order_id_pk" PRIMARY KEY("tenant_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"invoice_no" text NOT NULL,
	"invoice_code" text,
	"issue_date" date NOT NULL,
	"customer_id" text NOT NULL,
	"customer_name" text NOT NULL,
	"buyer" jsonb NOT NULL,
	"tax_rate" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"remark" text,
	"issued_by_id" text NOT NULL,
	"issued_by_name" text NOT NULL,
	"void_reason" text,
	"voided_by_id" text,
	"voided_by_name" text,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoices_no_uq" UNIQUE("tenant_id","kind","invoice_no"),
	CONSTRAINT "invoices_amounts" CHECK ("invoices"."amount_fen" > 0 and "invoices"."tax_fen" >= 0 and "invoices"."tax_fen" <= "invoices"."amount_fen"),
	CONSTRAINT "invoices_tax_rate" CHECK ("invoices"."tax_rate" in (0, 1, 3, 6, 9, 13))
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_id_invoice_id_invoices_tenant_id_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_requests" ADD CONSTRAINT "invoice_requests_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("tenant_id","invoice_id","line_no");--> statement-breakpoint
CREATE INDEX "invoice_lines_order_idx" ON "invoice_lines" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("tenant_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "invoices_date_idx" ON "invoices" USING btree ("tenant_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("tenant_id","status","id");