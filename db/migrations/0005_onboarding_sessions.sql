CREATE TABLE "onboarding_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"step_reached" integer DEFAULT 1 NOT NULL,
	"organisation_kind" "organisation_kind",
	"has_letters" boolean,
	"siret" text,
	"credential_id" uuid,
	"organisation_id" uuid,
	"email" text,
	"password_hash" text,
	"confirmation_sent_at" timestamp with time zone,
	"confirmation_expires_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "onboarding_sessions" ADD CONSTRAINT "onboarding_sessions_credential_id_provisional_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."provisional_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_sessions" ADD CONSTRAINT "onboarding_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_sessions_token_uq" ON "onboarding_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "onboarding_sessions_expires_idx" ON "onboarding_sessions" USING btree ("expires_at");