-- DropIndex
DROP INDEX "Agreement_title_idx";

-- CreateIndex
CREATE INDEX "Agreement_title_idx" ON "Agreement" USING GIST ("title" gist_trgm_ops);
