-- AlterTable
ALTER TABLE "DocumentSnapshot" ADD COLUMN "renderClaimedBy" TEXT;
ALTER TABLE "DocumentSnapshot" ADD COLUMN "renderClaimedUntil" DATETIME;
