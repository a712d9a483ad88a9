-- Data, not schema: an officer's one region becomes their list of regions, and an
-- unused invite keeps the region it carried (the single columns go in the next migration).
UPDATE `users` SET `police_regions` = json_array(`police_region`) WHERE `police_region` IS NOT NULL;
--> statement-breakpoint
UPDATE `invites` SET `regions` = json_array(`region`) WHERE `region` IS NOT NULL;
