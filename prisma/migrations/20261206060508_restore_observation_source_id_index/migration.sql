-- CreateIndex
CREATE INDEX "observation_source_id_idx" ON "observation"("source_id");
