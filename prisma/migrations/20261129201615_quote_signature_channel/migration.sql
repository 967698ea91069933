-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuoteSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quoteId" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signaturePng" BLOB NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "linkId" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'web',
    "contentSha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuoteSignature_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuoteSignature" ("contentSha256", "createdAt", "id", "ip", "linkId", "quoteId", "signaturePng", "signedAt", "signerName", "userAgent") SELECT "contentSha256", "createdAt", "id", "ip", "linkId", "quoteId", "signaturePng", "signedAt", "signerName", "userAgent" FROM "QuoteSignature";
DROP TABLE "QuoteSignature";
ALTER TABLE "new_QuoteSignature" RENAME TO "QuoteSignature";
CREATE UNIQUE INDEX "QuoteSignature_quoteId_key" ON "QuoteSignature"("quoteId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
