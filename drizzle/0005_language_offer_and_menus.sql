ALTER TABLE `users` ADD `declined_language` text;--> statement-breakpoint
ALTER TABLE `users` ADD `commands_menu` text;