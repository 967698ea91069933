-- Additive: a payment records the withholding it settled and the 50 Tawi number staff typed.
ALTER TABLE "Payment" ADD COLUMN "withheldSatang" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Payment" ADD COLUMN "withholdingCertRef" TEXT;
