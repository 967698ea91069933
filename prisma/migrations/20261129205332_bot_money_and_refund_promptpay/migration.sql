-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "refundPromptPayId" TEXT;

-- CreateTable
CREATE TABLE "StaffPendingAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffPendingAction_staffId_key" ON "StaffPendingAction"("staffId");
