ALTER TABLE "payments" ADD COLUMN "pay_kind" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "pay_url" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "fail_reason" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway_refunds" jsonb DEFAULT '[]'::jsonb NOT NULL;