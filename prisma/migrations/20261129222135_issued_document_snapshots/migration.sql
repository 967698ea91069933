-- CreateTable
CREATE TABLE "DocumentSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentType" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "parties" TEXT,
    "takenAt" DATETIME NOT NULL,
    "renderPending" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "OperatorAlarm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" DATETIME NOT NULL,
    "lastAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "DocumentSnapshot_renderPending_idx" ON "DocumentSnapshot"("renderPending");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSnapshot_documentType_documentId_key" ON "DocumentSnapshot"("documentType", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "OperatorAlarm_kind_subject_key" ON "OperatorAlarm"("kind", "subject");

-- Backfill: every document issued before this migration gets a snapshot row without parties (NULL:
-- taken from the data of the moment at first use). Legal documents never stored yet become render
-- jobs, so any issued legal document without a row afterwards is unknown (an operator alarm).
INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_receipt_' || r."id", 'receipt', r."id", NULL, r."issuedAt",
       NOT EXISTS (SELECT 1 FROM "IssuedDocument" d WHERE d."documentType" = 'receipt' AND d."documentId" = r."id" AND d."variant" = 'original')
FROM "Receipt" r;

INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_tax_invoice_' || p."id", 'tax_invoice', p."id", NULL, COALESCE(p."reviewedAt", p."receivedAt"),
       NOT EXISTS (SELECT 1 FROM "IssuedDocument" d WHERE d."documentType" = 'tax_invoice' AND d."documentId" = p."id" AND d."variant" = 'original')
FROM "Payment" p WHERE p."taxInvoiceNumber" IS NOT NULL;

INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_credit_note_' || p."id", 'credit_note', p."id", NULL, p."voidedAt",
       NOT EXISTS (SELECT 1 FROM "IssuedDocument" d WHERE d."documentType" = 'credit_note' AND d."documentId" = p."id" AND d."variant" = 'original')
FROM "Payment" p WHERE p."creditNoteNumber" IS NOT NULL AND p."voidedAt" IS NOT NULL;

INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_signed_quote_' || s."quoteId", 'signed_quote', s."quoteId", NULL, s."signedAt",
       NOT EXISTS (SELECT 1 FROM "IssuedDocument" d WHERE d."documentType" = 'signed_quote' AND d."documentId" = s."quoteId" AND d."variant" = 'original')
FROM "QuoteSignature" s;

INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_invoice_' || i."id", 'invoice', i."id", NULL, COALESCE(i."sentAt", i."createdAt"), false
FROM "Invoice" i WHERE i."status" <> 'draft';

INSERT INTO "DocumentSnapshot" ("id", "documentType", "documentId", "parties", "takenAt", "renderPending")
SELECT 'legacy_deposit_request_' || d."id", 'deposit_request', d."id", NULL, d."createdAt", false
FROM "Deposit" d;
