-- Data, not schema: an officer's one region becomes their list of regions, and an
-- unused invite keeps the region it carried (the single columns go in the next migration).
-- The same as drizzle/sqlite/0003 (json_array there); the lists are JSON text on both engines.
UPDATE "users" SET "police_regions" = jsonb_build_array("police_region")::text WHERE "police_region" IS NOT NULL;
--> statement-breakpoint
UPDATE "invites" SET "regions" = jsonb_build_array("region")::text WHERE "region" IS NOT NULL;
