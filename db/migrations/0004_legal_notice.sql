CREATE TABLE "caisse_legal_notice" (
	"caisse_id" integer PRIMARY KEY NOT NULL,
	"publication_director" text NOT NULL,
	"host_name" text NOT NULL,
	"host_address" text NOT NULL,
	"host_phone" text,
	"data_protection_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caisse_legal_notice" ADD CONSTRAINT "caisse_legal_notice_caisse_id_caisse_id_fk" FOREIGN KEY ("caisse_id") REFERENCES "public"."caisse"("id") ON DELETE cascade ON UPDATE no action;