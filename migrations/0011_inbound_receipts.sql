CREATE TABLE "inbound_receipts" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"receipt_no" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"supplier" text,
	"lines" jsonb NOT NULL,
	"remark" text,
	"created_by" text NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inbound_receipts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inbound_receipts_no_uq" UNIQUE("tenant_id","receipt_no")
);
