CREATE TABLE "pick_lists" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"pick_no" text NOT NULL,
	"warehouse_id" text,
	"shipment_ids" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pick_lists_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pick_lists_no_uq" UNIQUE("tenant_id","pick_no")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"shipment_no" text NOT NULL,
	"order_id" text NOT NULL,
	"warehouse_id" text,
	"status" text DEFAULT 'picking' NOT NULL,
	"lines" jsonb NOT NULL,
	"pick_list_id" text,
	"packages" integer DEFAULT 1 NOT NULL,
	"weight_grams" bigint,
	"carrier_code" text,
	"carrier_name" text,
	"tracking_no" text,
	"waybill_via" text,
	"tracking_via" text,
	"tracking_state" text,
	"remark" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"packed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "shipments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "shipments_no_uq" UNIQUE("tenant_id","shipment_no")
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"source" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tracking_events_fp_uq" UNIQUE("tenant_id","shipment_id","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "stock_reserved" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "shipments_queue_idx" ON "shipments" USING btree ("tenant_id","warehouse_id","status","id");--> statement-breakpoint
CREATE INDEX "shipments_tracking_idx" ON "shipments" USING btree ("tenant_id","tracking_no") WHERE tracking_no is not null;--> statement-breakpoint
CREATE INDEX "tracking_events_shipment_idx" ON "tracking_events" USING btree ("tenant_id","shipment_id","occurred_at");