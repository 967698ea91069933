-- AlterTable
ALTER TABLE "IssuedDocument" ADD COLUMN     "location" TEXT;

-- CreateTable
CREATE TABLE "Blob" (
    "key" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("key")
);
