-- AlterTable
ALTER TABLE "LineUser" ADD COLUMN "followChangedAt" DATETIME;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "lockedUntil" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Staff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lineUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "role" TEXT NOT NULL DEFAULT 'staff',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "language" TEXT NOT NULL DEFAULT 'th'
);
INSERT INTO "new_Staff" ("active", "createdAt", "displayName", "id", "lineUserId", "removedAt", "role") SELECT "active", "createdAt", "displayName", "id", "lineUserId", "removedAt", "role" FROM "Staff";
DROP TABLE "Staff";
ALTER TABLE "new_Staff" RENAME TO "Staff";
CREATE UNIQUE INDEX "Staff_lineUserId_key" ON "Staff"("lineUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
