-- CreateTable
CREATE TABLE "BusinessLogo" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "png" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessLogo_pkey" PRIMARY KEY ("id")
);
