CREATE TYPE "public"."attestation_verification_channel" AS ENUM('page', 'api');--> statement-breakpoint
CREATE SEQUENCE "public"."attestation_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "attestation_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attestation_id" uuid NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" "attestation_verification_channel" NOT NULL,
	"is_signature_verified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"code" text NOT NULL,
	"company_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"siret" text NOT NULL,
	"address_line" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"membership_number" text,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"issued_by_user_id" uuid,
	"kid" text NOT NULL,
	"signed_payload" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"revoked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attestation_verifications" ADD CONSTRAINT "attestation_verifications_attestation_id_attestations_id_fk" FOREIGN KEY ("attestation_id") REFERENCES "public"."attestations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attestation_verifications_attestation_idx" ON "attestation_verifications" USING btree ("attestation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attestations_number_uq" ON "attestations" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "attestations_code_uq" ON "attestations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "attestations_company_idx" ON "attestations" USING btree ("company_id","issued_at");