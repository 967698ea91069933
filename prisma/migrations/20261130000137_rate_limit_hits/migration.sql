-- CreateTable
CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "windowEnd" DATETIME NOT NULL,
    "hits" INTEGER NOT NULL,

    PRIMARY KEY ("key", "windowEnd")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_windowEnd_idx" ON "RateLimitHit"("windowEnd");
