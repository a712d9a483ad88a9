CREATE TABLE `received_updates` (
	`source` text NOT NULL,
	`telegram_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`update_id` integer NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`source`, `telegram_id`)
);
--> statement-breakpoint
CREATE INDEX `received_updates_at_idx` ON `received_updates` (`received_at`);--> statement-breakpoint
CREATE INDEX `received_updates_update_idx` ON `received_updates` (`update_id`);