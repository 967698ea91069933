-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "keepWholeWords" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineRichMenu" (
    "kind" TEXT NOT NULL,
    "richMenuId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LineRichMenu_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "DocumentSnapshot" (
    "id" TEXT NOT NULL,
    "documentType" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "parties" TEXT,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "renderPending" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DocumentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperatorAlarm" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "OperatorAlarm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "DocumentSnapshot_renderPending_idx" ON "DocumentSnapshot"("renderPending");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSnapshot_documentType_documentId_key" ON "DocumentSnapshot"("documentType", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "OperatorAlarm_kind_subject_key" ON "OperatorAlarm"("kind", "subject");
