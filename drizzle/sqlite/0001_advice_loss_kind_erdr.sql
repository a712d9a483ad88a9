ALTER TABLE `report_loans` ADD `biometrics` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `erdr_number` text;--> statement-breakpoint
ALTER TABLE `report_transfers` ADD `loss_kind` text;