DROP INDEX "reports_user_idx";--> statement-breakpoint
CREATE INDEX "reports_user_updated_idx" ON "reports" USING btree ("user_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "reports_user_submitted_idx" ON "reports" USING btree ("user_id","status","submitted_at");