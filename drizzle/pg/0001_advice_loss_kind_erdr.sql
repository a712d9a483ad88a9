ALTER TABLE "report_loans" ADD COLUMN "biometrics" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "erdr_number" text;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD COLUMN "loss_kind" text;