-- CreateIndex
CREATE INDEX "official_series_reporter_code_year_idx" ON "official_series"("reporter_code", "year");
