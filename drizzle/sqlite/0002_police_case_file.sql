CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text,
	`actor_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_report_idx` ON `case_events` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `lookup_quota` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`window_start` text NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_notices` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`noticed_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `operator` text;--> statement-breakpoint
CREATE INDEX `audit_log_report_idx` ON `audit_log` (`report_number`);--> statement-breakpoint
ALTER TABLE `invites` ADD `regions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `invites` ADD `all_regions` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `case_status` text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `assignee_id` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `case_updated_at` text;--> statement-breakpoint
CREATE INDEX `reports_region_idx` ON `reports` (`status`,`region`);--> statement-breakpoint
CREATE INDEX `reports_incident_idx` ON `reports` (`status`,`incident_date`);--> statement-breakpoint
ALTER TABLE `users` ADD `police_regions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `police_all_regions` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `report_notices` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `staff_name` text;--> statement-breakpoint
ALTER TABLE `users` ADD `menu` text;