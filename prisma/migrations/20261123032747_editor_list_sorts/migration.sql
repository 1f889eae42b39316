-- CreateIndex
CREATE INDEX "Agreement_title_id_idx" ON "Agreement"("title", "id");

-- CreateIndex
CREATE INDEX "Agreement_signedOn_id_idx" ON "Agreement"("signedOn", "id");
