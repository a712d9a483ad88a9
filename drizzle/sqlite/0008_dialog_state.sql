CREATE TABLE `pre_consent_languages` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`declined_language` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `pending_inputs` ADD `payload` text;