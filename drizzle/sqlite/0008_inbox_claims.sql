CREATE TABLE `flood_windows` (
	`person_id` integer NOT NULL,
	`window_start` integer NOT NULL,
	`updates` integer DEFAULT 0 NOT NULL,
	`files` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`person_id`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `flood_windows_start_idx` ON `flood_windows` (`window_start`);--> statement-breakpoint
ALTER TABLE `update_inbox` ADD `chat_id` integer;--> statement-breakpoint
ALTER TABLE `update_inbox` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `update_inbox` ADD `lease_until` integer;--> statement-breakpoint
CREATE INDEX `update_inbox_chat_idx` ON `update_inbox` (`chat_id`,`update_id`);