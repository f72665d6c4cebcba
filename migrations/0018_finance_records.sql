CREATE TABLE "finance_categories" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"direction" text NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "finance_categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "finance_categories_name_uq" UNIQUE("tenant_id","direction","name"),
	CONSTRAINT "finance_categories_direction" CHECK ("finance_categories"."direction" in ('income', 'expense'))
);
--> statement-breakpoint
CREATE TABLE "finance_records" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"record_no" text NOT NULL,
	"direction" text NOT NULL,
	"category_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"account" text,
	"counterparty" text,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"void_reason" text,
	"voided_by_id" text,
	"voided_by_name" text,
	"voided_at" timestamp with time zone,
	"created_by_kind" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "finance_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "finance_records_no_uq" UNIQUE("tenant_id","record_no"),
	CONSTRAINT "finance_records_amount_positive" CHECK ("finance_records"."amount_fen" > 0),
	CONSTRAINT "finance_records_direction" CHECK ("finance_records"."direction" in ('income', 'expense')),
	CONSTRAINT "finance_records_void" CHECK (("finance_records"."status" = 'voided') = ("finance_records"."void_reason" is not null) and "finance_records"."status" in ('active', 'voided'))
);
--> statement-breakpoint
ALTER TABLE "finance_records" ADD CONSTRAINT "finance_records_tenant_id_category_id_finance_categories_tenant_id_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."finance_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_records_day_idx" ON "finance_records" USING btree ("tenant_id","occurred_on","id");--> statement-breakpoint
CREATE INDEX "finance_records_category_idx" ON "finance_records" USING btree ("tenant_id","category_id","occurred_on");