ALTER TABLE `report_contacts` ADD `call_date` text;--> statement-breakpoint
ALTER TABLE `report_contacts` ADD `call_time` text;--> statement-breakpoint
ALTER TABLE `report_evidence` ADD `sha256` text;--> statement-breakpoint
ALTER TABLE `report_evidence` ADD `stored` integer;--> statement-breakpoint
ALTER TABLE `report_loans` ADD `lender_bank` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `victim` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `receiving_phone` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `device` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `own_iban` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `disclosed_via` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `pending` text;--> statement-breakpoint
ALTER TABLE `report_transfers` ADD `receipt_id` text;--> statement-breakpoint
ALTER TABLE `report_transfers` ADD `crypto_network` text;--> statement-breakpoint
ALTER TABLE `report_transfers` ADD `crypto_exchange` text;--> statement-breakpoint
ALTER TABLE `report_transfers` ADD `crypto_txid` text;