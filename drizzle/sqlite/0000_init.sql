CREATE TABLE `alert_deliveries` (
	`alert_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`at` text,
	PRIMARY KEY(`alert_id`, `user_id`),
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_status_idx` ON `alert_deliveries` (`alert_id`,`status`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_by` integer NOT NULL,
	`text_kk` text NOT NULL,
	`text_ru` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`report_number` text,
	`details` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `catalog_versions` (
	`version` text PRIMARY KEY NOT NULL,
	`yaml` text NOT NULL,
	`document` text,
	`author` text,
	`uploaded_by` integer,
	`active` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`activated_at` text
);
--> statement-breakpoint
CREATE TABLE `report_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`position` integer NOT NULL,
	`claimed_identity` text,
	`claimed_name` text,
	`showed_documents` text,
	`handed_over` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_contacts_pos_idx` ON `report_contacts` (`report_id`,`position`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`file_id` text NOT NULL,
	`file_unique_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text,
	`size` integer,
	`name` text,
	`received_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_evidence_file_idx` ON `report_evidence` (`report_id`,`file_unique_id`);--> statement-breakpoint
CREATE TABLE `handled_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`handled_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handled_updates_at_idx` ON `handled_updates` (`handled_at`);--> statement-breakpoint
CREATE TABLE `report_identifiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`field` text NOT NULL,
	`contact_position` integer,
	`transfer_position` integer,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`raw` text NOT NULL,
	`foreign` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_identifiers_value_idx` ON `report_identifiers` (`kind`,`value`);--> statement-breakpoint
CREATE INDEX `report_identifiers_report_idx` ON `report_identifiers` (`report_id`);--> statement-breakpoint
CREATE TABLE `update_inbox` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invites` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`created_by` integer NOT NULL,
	`unit` text,
	`region` text,
	`expires_at` text NOT NULL,
	`used_by` integer,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`position` integer NOT NULL,
	`lender` text,
	`amount_minor` integer,
	`currency` text,
	`date` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_loans_pos_idx` ON `report_loans` (`report_id`,`position`);--> statement-breakpoint
CREATE TABLE `pending_inputs` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_versions` (
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`canonical` text NOT NULL,
	`signature` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`report_id`, `version`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`number` text,
	`version` integer DEFAULT 0 NOT NULL,
	`lang` text NOT NULL,
	`cursor` text NOT NULL,
	`rev` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT false NOT NULL,
	`filed_for` text,
	`narrative` text,
	`incident_date` text,
	`incident_time` text,
	`channels` text DEFAULT '[]' NOT NULL,
	`card_data` text,
	`own_card_last4` text,
	`own_bank` text,
	`codes_received` text,
	`codes_shared` text,
	`apps` text,
	`personal_data` text,
	`loan_status` text,
	`transfers_made` integer,
	`region` text,
	`city` text,
	`already_done` text,
	`bank_request_no` text,
	`statement_no` text,
	`leak_sources` text,
	`applicant_name` text,
	`applicant_phone` text,
	`contact_consent` integer,
	`recognition` text,
	`catalog_version` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`submitted_at` text,
	`withdrawn_at` text,
	`reminded_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_number_idx` ON `reports` (`number`);--> statement-breakpoint
CREATE INDEX `reports_user_idx` ON `reports` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `reports_status_submitted_idx` ON `reports` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `reports_updated_idx` ON `reports` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `report_steps_done` (
	`report_id` integer NOT NULL,
	`step` text NOT NULL,
	`done_at` text NOT NULL,
	PRIMARY KEY(`report_id`, `step`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`position` integer NOT NULL,
	`amount_minor` integer,
	`currency` text,
	`date` text,
	`time` text,
	`method` text,
	`recipient_raw` text,
	`recipient_kind` text,
	`recipient_value` text,
	`recipient_name` text,
	`recipient_bank` text,
	`own_bank` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_transfers_pos_idx` ON `report_transfers` (`report_id`,`position`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`role` text DEFAULT 'citizen' NOT NULL,
	`consent_at` text,
	`police_unit` text,
	`police_region` text,
	`alerts_subscribed` integer DEFAULT false NOT NULL,
	`blocked_bot` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `withdrawn_numbers` (
	`number` text PRIMARY KEY NOT NULL,
	`submitted_at` text NOT NULL,
	`withdrawn_at` text NOT NULL
);
