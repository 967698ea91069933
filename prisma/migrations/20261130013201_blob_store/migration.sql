-- AlterTable
ALTER TABLE "IssuedDocument" ADD COLUMN "location" TEXT;

-- CreateTable
CREATE TABLE "Blob" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL
);
