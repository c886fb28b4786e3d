CREATE TABLE "reminders_sent" (
	"key" text PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"mail_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
