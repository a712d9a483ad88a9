CREATE TABLE "received_updates" (
	"source" text NOT NULL,
	"telegram_id" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	"update_id" bigint NOT NULL,
	"received_at" text DEFAULT (to_char((now() at time zone 'utc'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL,
	CONSTRAINT "received_updates_source_telegram_id_pk" PRIMARY KEY("source","telegram_id")
);
--> statement-breakpoint
CREATE INDEX "received_updates_at_idx" ON "received_updates" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "received_updates_update_idx" ON "received_updates" USING btree ("update_id");