-- CreateTable
CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("key","windowEnd")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_windowEnd_idx" ON "RateLimitHit"("windowEnd");
