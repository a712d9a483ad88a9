ALTER TABLE "pre_consent_languages" ADD COLUMN "language_offered_at" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language_offered_at" text;