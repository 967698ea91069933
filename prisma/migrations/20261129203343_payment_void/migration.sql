-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "creditNoteNumber" TEXT;
ALTER TABLE "Payment" ADD COLUMN "voidReason" TEXT;
ALTER TABLE "Payment" ADD COLUMN "voidedAt" DATETIME;
ALTER TABLE "Payment" ADD COLUMN "voidedBy" TEXT;

-- AlterTable
ALTER TABLE "Receipt" ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "Receipt" ADD COLUMN "cancelledAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_creditNoteNumber_key" ON "Payment"("creditNoteNumber");
