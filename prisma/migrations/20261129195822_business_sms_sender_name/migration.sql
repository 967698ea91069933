-- AlterTable
ALTER TABLE "Business" ADD COLUMN "smsSenderName" TEXT;
