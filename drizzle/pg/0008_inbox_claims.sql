CREATE TABLE "flood_windows" (
	"person_id" bigint NOT NULL,
	"window_start" bigint NOT NULL,
	"updates" bigint DEFAULT 0 NOT NULL,
	"files" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "flood_windows_person_id_window_start_pk" PRIMARY KEY("person_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "update_inbox" ADD COLUMN "chat_id" bigint;--> statement-breakpoint
ALTER TABLE "update_inbox" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "update_inbox" ADD COLUMN "lease_until" bigint;--> statement-breakpoint
CREATE INDEX "flood_windows_start_idx" ON "flood_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "update_inbox_chat_idx" ON "update_inbox" USING btree ("chat_id","update_id");