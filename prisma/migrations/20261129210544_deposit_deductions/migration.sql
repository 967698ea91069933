-- CreateTable
CREATE TABLE "DepositDeduction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "depositReturnId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "amountSatang" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "DepositDeduction_depositReturnId_fkey" FOREIGN KEY ("depositReturnId") REFERENCES "DepositReturn" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DepositDeduction_depositReturnId_position_key" ON "DepositDeduction"("depositReturnId", "position");
