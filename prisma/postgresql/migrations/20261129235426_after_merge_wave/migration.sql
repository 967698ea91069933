-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "withheldSatang" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "withholdingCertRef" TEXT;
