ALTER TABLE `pre_consent_languages` ADD `language_offered_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language_offered_at` text;