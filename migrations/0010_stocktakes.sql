CREATE TABLE "stocktakes" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"stocktake_no" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"status" text DEFAULT 'counting' NOT NULL,
	"lines" jsonb NOT NULL,
	"remark" text,
	"created_by" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stocktakes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stocktakes_no_uq" UNIQUE("tenant_id","stocktake_no")
);
