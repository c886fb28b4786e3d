CREATE TYPE "public"."leave_kind" AS ENUM('main', 'other');--> statement-breakpoint
CREATE TYPE "public"."leave_status" AS ENUM('registered', 'payment_scheduled', 'paid');--> statement-breakpoint
CREATE TABLE "leaves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"kind" "leave_kind" NOT NULL,
	"days" integer NOT NULL,
	"leave_year_start" date NOT NULL,
	"status" "leave_status" DEFAULT 'registered' NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by_user_id" uuid,
	"payment_deadline" date,
	"payment_on" date,
	"paid_on" date,
	"indemnity_cents" bigint,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaves_range_ck" CHECK ("leaves"."end_on" >= "leaves"."start_on"),
	CONSTRAINT "leaves_days_ck" CHECK ("leaves"."days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "leaves" ADD CONSTRAINT "leaves_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaves" ADD CONSTRAINT "leaves_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaves" ADD CONSTRAINT "leaves_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaves" ADD CONSTRAINT "leaves_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leaves_company_dates_idx" ON "leaves" USING btree ("company_id","start_on","end_on") WHERE "leaves"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "leaves_worker_year_idx" ON "leaves" USING btree ("worker_id","leave_year_start") WHERE "leaves"."cancelled_at" is null;