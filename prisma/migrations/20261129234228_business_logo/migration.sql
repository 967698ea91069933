-- CreateTable
CREATE TABLE "BusinessLogo" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "png" BLOB NOT NULL,
    "sha256" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
