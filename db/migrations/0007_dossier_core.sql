CREATE TYPE "public"."declaration_kind" AS ENUM('initial', 'corrective');--> statement-breakpoint
CREATE TYPE "public"."declaration_status" AS ENUM('draft', 'sent');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('sepa_debit', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('announced', 'received', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('letter', 'declaration_receipt', 'sepa_mandate', 'account_statement', 'attestation', 'leave_certificate', 'upload');--> statement-breakpoint
CREATE SEQUENCE "public"."declaration_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "contribution_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "worker_category",
	"effective_from" date NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_rates_bp_ck" CHECK ("contribution_rates"."rate_basis_points" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "declaration_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"hours_hundredths" integer NOT NULL,
	"gross_wages_cents" bigint NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"contribution_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declaration_lines_nonneg_ck" CHECK ("declaration_lines"."hours_hundredths" >= 0 and "declaration_lines"."gross_wages_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"period" date NOT NULL,
	"kind" "declaration_kind" DEFAULT 'initial' NOT NULL,
	"status" "declaration_status" DEFAULT 'draft' NOT NULL,
	"corrects_id" uuid,
	"number" text,
	"sent_at" timestamp with time zone,
	"sent_by_user_id" uuid,
	"idempotency_key" text,
	"total_hours_hundredths" integer DEFAULT 0 NOT NULL,
	"total_wages_cents" bigint DEFAULT 0 NOT NULL,
	"total_contribution_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declarations_period_first_day_ck" CHECK (extract(day from "declarations"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"period" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" "payment_method" NOT NULL,
	"status" "payment_status" DEFAULT 'announced' NOT NULL,
	"reference" text,
	"announced_at" timestamp with time zone,
	"announced_by_user_id" uuid,
	"received_on" date,
	"rejected_on" date,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"source_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "declaration_lines" ADD CONSTRAINT "declaration_lines_declaration_id_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_lines" ADD CONSTRAINT "declaration_lines_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_announced_by_user_id_users_id_fk" FOREIGN KEY ("announced_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_rates_effective_uq" ON "contribution_rates" USING btree ("effective_from","category");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_lines_worker_uq" ON "declaration_lines" USING btree ("declaration_id","worker_id");--> statement-breakpoint
CREATE INDEX "declaration_lines_worker_idx" ON "declaration_lines" USING btree ("worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_initial_sent_uq" ON "declarations" USING btree ("company_id","period") WHERE "declarations"."kind" = 'initial' and "declarations"."status" = 'sent';--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_draft_uq" ON "declarations" USING btree ("company_id","period","kind") WHERE "declarations"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_number_uq" ON "declarations" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_idempotency_uq" ON "declarations" USING btree ("company_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "declarations_company_period_idx" ON "declarations" USING btree ("company_id","period");--> statement-breakpoint
CREATE INDEX "payments_company_period_idx" ON "payments" USING btree ("company_id","period");--> statement-breakpoint
CREATE INDEX "documents_company_idx" ON "documents" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_source_idx" ON "documents" USING btree ("source_id");