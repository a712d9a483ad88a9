ALTER TABLE "report_contacts" ADD COLUMN "call_date" text;--> statement-breakpoint
ALTER TABLE "report_contacts" ADD COLUMN "call_time" text;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD COLUMN "stored" bigint;--> statement-breakpoint
ALTER TABLE "report_loans" ADD COLUMN "lender_bank" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "victim" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "receiving_phone" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "own_iban" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "disclosed_via" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "pending" text;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD COLUMN "receipt_id" text;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD COLUMN "crypto_network" text;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD COLUMN "crypto_exchange" text;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD COLUMN "crypto_txid" text;