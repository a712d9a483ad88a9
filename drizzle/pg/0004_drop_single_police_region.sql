ALTER TABLE "invites" DROP COLUMN "region";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "police_region";