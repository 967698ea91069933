-- AlterTable
ALTER TABLE "LineUser" ADD COLUMN "boundViaLinkId" TEXT;
