-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "taxBaseSatang" INTEGER;
ALTER TABLE "Payment" ADD COLUMN "taxInvoiceNumber" TEXT;
ALTER TABLE "Payment" ADD COLUMN "taxVatSatang" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_taxInvoiceNumber_key" ON "Payment"("taxInvoiceNumber");
