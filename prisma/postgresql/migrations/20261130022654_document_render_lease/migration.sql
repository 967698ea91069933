-- AlterTable
ALTER TABLE "DocumentSnapshot" ADD COLUMN     "renderClaimedBy" TEXT,
ADD COLUMN     "renderClaimedUntil" TIMESTAMP(3);
