-- The business's own keep-whole words (one per line), added to the built-in list.
ALTER TABLE "Business" ADD COLUMN "keepWholeWords" TEXT NOT NULL DEFAULT '';
