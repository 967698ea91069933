-- CreateTable
CREATE TABLE "ChannelStatus" (
    "channel" TEXT NOT NULL PRIMARY KEY,
    "unavailableUntil" DATETIME,
    "reason" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
