CREATE TABLE `pre_consent_languages` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`declined_language` text,
	`language_offered_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
DROP TABLE `conversations`;--> statement-breakpoint
ALTER TABLE `pending_inputs` ADD `payload` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language_offered_at` text;