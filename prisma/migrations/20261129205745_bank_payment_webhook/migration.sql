-- AlterTable
ALTER TABLE "Business" ADD COLUMN "promptPayBillerId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PaymentNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT,
    "invoiceId" TEXT,
    "depositId" TEXT,
    "linkId" TEXT,
    "channel" TEXT NOT NULL,
    "amountSatang" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending_review',
    "slipFileId" TEXT,
    "withholdingCertFileId" TEXT,
    "slipSha256" TEXT,
    "bankReference1" TEXT,
    "reviewReason" TEXT,
    "slipReadable" BOOLEAN NOT NULL,
    "slipSendingBank" TEXT,
    "slipTransRef" TEXT,
    "sentAt" DATETIME NOT NULL,
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    "rejectReason" TEXT,
    "confirmedSatang" INTEGER,
    "paidAt" DATETIME,
    "paymentId" TEXT,
    "depositCollectionId" TEXT,
    CONSTRAINT "PaymentNotice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_depositId_fkey" FOREIGN KEY ("depositId") REFERENCES "Deposit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_slipFileId_fkey" FOREIGN KEY ("slipFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_withholdingCertFileId_fkey" FOREIGN KEY ("withholdingCertFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PaymentNotice_depositCollectionId_fkey" FOREIGN KEY ("depositCollectionId") REFERENCES "DepositCollection" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PaymentNotice" ("amountSatang", "channel", "confirmedSatang", "customerId", "depositCollectionId", "depositId", "id", "invoiceId", "linkId", "paidAt", "paymentId", "rejectReason", "reviewedAt", "reviewedBy", "sentAt", "slipFileId", "slipReadable", "slipSendingBank", "slipSha256", "slipTransRef", "status", "withholdingCertFileId") SELECT "amountSatang", "channel", "confirmedSatang", "customerId", "depositCollectionId", "depositId", "id", "invoiceId", "linkId", "paidAt", "paymentId", "rejectReason", "reviewedAt", "reviewedBy", "sentAt", "slipFileId", "slipReadable", "slipSendingBank", "slipSha256", "slipTransRef", "status", "withholdingCertFileId" FROM "PaymentNotice";
DROP TABLE "PaymentNotice";
ALTER TABLE "new_PaymentNotice" RENAME TO "PaymentNotice";
CREATE UNIQUE INDEX "PaymentNotice_paymentId_key" ON "PaymentNotice"("paymentId");
CREATE UNIQUE INDEX "PaymentNotice_depositCollectionId_key" ON "PaymentNotice"("depositCollectionId");
CREATE INDEX "PaymentNotice_status_sentAt_idx" ON "PaymentNotice"("status", "sentAt");
CREATE INDEX "PaymentNotice_customerId_status_idx" ON "PaymentNotice"("customerId", "status");
CREATE INDEX "PaymentNotice_invoiceId_status_idx" ON "PaymentNotice"("invoiceId", "status");
CREATE INDEX "PaymentNotice_depositId_status_idx" ON "PaymentNotice"("depositId", "status");
CREATE INDEX "PaymentNotice_slipSendingBank_slipTransRef_idx" ON "PaymentNotice"("slipSendingBank", "slipTransRef");
CREATE INDEX "PaymentNotice_slipSha256_idx" ON "PaymentNotice"("slipSha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
