CREATE TYPE "public"."sepa_mandate_status" AS ENUM('active', 'replaced');--> statement-breakpoint
CREATE TABLE "contribution_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"payment_delay_days" integer NOT NULL,
	"declaration_delay_days" integer NOT NULL,
	"penalty_basis_points_per_month" integer NOT NULL,
	"reminder_days_before" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_terms_ranges_ck" CHECK ("contribution_terms"."payment_delay_days" between 0 and 365 and "contribution_terms"."declaration_delay_days" between 0 and 365 and "contribution_terms"."penalty_basis_points_per_month" between 0 and 10000 and "contribution_terms"."reminder_days_before" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "sepa_debit_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"payment_id" uuid,
	"reason" text NOT NULL,
	"suspended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sepa_mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"rum" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text NOT NULL,
	"status" "sepa_mandate_status" DEFAULT 'active' NOT NULL,
	"created_by_user_id" uuid,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "sepa_debit_suspensions" ADD CONSTRAINT "sepa_debit_suspensions_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_debit_suspensions" ADD CONSTRAINT "sepa_debit_suspensions_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_terms_effective_uq" ON "contribution_terms" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_debit_suspensions_open_uq" ON "sepa_debit_suspensions" USING btree ("company_id") WHERE "sepa_debit_suspensions"."lifted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_mandates_rum_uq" ON "sepa_mandates" USING btree ("rum");--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_mandates_active_uq" ON "sepa_mandates" USING btree ("company_id") WHERE "sepa_mandates"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_uq" ON "payments" USING btree ("company_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive_ck" CHECK ("payments"."amount_cents" > 0);