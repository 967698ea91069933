-- AlterTable
ALTER TABLE "LineUser" ADD COLUMN "boundViaLinkId" TEXT;

-- "following" used to be set by binding itself. Rows whose follow state no follow/unfollow event
-- ever set (followChangedAt IS NULL) got it only that way: LINE has not said they follow.
UPDATE "LineUser" SET "following" = false WHERE "followChangedAt" IS NULL;
