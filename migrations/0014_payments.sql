CREATE TABLE "customer_accounts" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"credit_used_fen" bigint DEFAULT 0 NOT NULL,
	"credit_limit_fen" bigint DEFAULT 0 NOT NULL,
	"credit_term_days" integer DEFAULT 30 NOT NULL,
	"credit_policy" text DEFAULT 'block' NOT NULL,
	"balance_short_policy" text DEFAULT 'block' NOT NULL,
	"methods" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customer_accounts_tenant_id_customer_id_pk" PRIMARY KEY("tenant_id","customer_id"),
	CONSTRAINT "customer_accounts_balance_nonneg" CHECK ("customer_accounts"."balance_fen" >= 0),
	CONSTRAINT "customer_accounts_credit_used_nonneg" CHECK ("customer_accounts"."credit_used_fen" >= 0),
	CONSTRAINT "customer_accounts_terms" CHECK ("customer_accounts"."credit_limit_fen" >= 0 and "customer_accounts"."credit_term_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "money_movements" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_delta_fen" bigint DEFAULT 0 NOT NULL,
	"credit_delta_fen" bigint DEFAULT 0 NOT NULL,
	"order_id" text,
	"method" text,
	"doc_type" text NOT NULL,
	"doc_id" text NOT NULL,
	"due_on" date,
	"reason" text,
	"note" text,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "money_movements_doc_uq" UNIQUE("tenant_id","doc_type","doc_id"),
	CONSTRAINT "money_movements_amount_positive" CHECK ("money_movements"."amount_fen" > 0),
	CONSTRAINT "money_movements_signs" CHECK (case "money_movements"."kind"
    when 'receipt' then "money_movements"."balance_delta_fen" = 0 and "money_movements"."credit_delta_fen" = 0 and "money_movements"."order_id" is not null
    when 'balance_payment' then "money_movements"."balance_delta_fen" = -"money_movements"."amount_fen" and "money_movements"."credit_delta_fen" = 0 and "money_movements"."order_id" is not null
    when 'credit_charge' then "money_movements"."balance_delta_fen" = 0 and "money_movements"."credit_delta_fen" = "money_movements"."amount_fen" and "money_movements"."order_id" is not null and "money_movements"."due_on" is not null
    when 'credit_repayment' then "money_movements"."balance_delta_fen" = 0 and "money_movements"."credit_delta_fen" = -"money_movements"."amount_fen"
    when 'recharge' then "money_movements"."balance_delta_fen" = "money_movements"."amount_fen" and "money_movements"."credit_delta_fen" = 0
    when 'adjustment' then abs("money_movements"."balance_delta_fen") = "money_movements"."amount_fen" and "money_movements"."credit_delta_fen" = 0
    when 'refund' then "money_movements"."balance_delta_fen" in (0, "money_movements"."amount_fen") and "money_movements"."credit_delta_fen" in (0, -"money_movements"."amount_fen")
    else false end)
);
--> statement-breakpoint
CREATE TABLE "payment_vouchers" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"member_id" text NOT NULL,
	"payment_id" text,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_vouchers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"payment_no" text NOT NULL,
	"purpose" text NOT NULL,
	"customer_id" text NOT NULL,
	"order_id" text,
	"method" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"review_reason" text,
	"voucher_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"remark" text,
	"reference" text,
	"gateway" text,
	"gateway_trade_no" text,
	"created_by_kind" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_by_name" text NOT NULL,
	"decided_by_id" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"succeeded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payments_no_uq" UNIQUE("tenant_id","payment_no"),
	CONSTRAINT "payments_gateway_trade_uq" UNIQUE("tenant_id","gateway","gateway_trade_no"),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_fen" > 0),
	CONSTRAINT "payments_order_purpose" CHECK (("payments"."purpose" = 'order') = ("payments"."order_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_movements" ADD CONSTRAINT "money_movements_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_movements" ADD CONSTRAINT "money_movements_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_vouchers" ADD CONSTRAINT "payment_vouchers_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "money_movements_customer_idx" ON "money_movements" USING btree ("tenant_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "money_movements_order_idx" ON "money_movements" USING btree ("tenant_id","order_id") WHERE order_id is not null;--> statement-breakpoint
CREATE INDEX "payment_vouchers_customer_idx" ON "payment_vouchers" USING btree ("tenant_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("tenant_id","customer_id","id");