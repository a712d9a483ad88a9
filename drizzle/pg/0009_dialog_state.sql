CREATE TABLE "pre_consent_languages" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"language" text,
	"declined_language" text,
	"language_offered_at" text,
	"updated_at" text DEFAULT (to_char((now() at time zone 'utc'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL
);
--> statement-breakpoint
DROP TABLE "conversations" CASCADE;--> statement-breakpoint
ALTER TABLE "pending_inputs" ADD COLUMN "payload" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language_offered_at" text;