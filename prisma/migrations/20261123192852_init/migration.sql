-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('STATISTICAL_DATASET', 'RESEARCH_DATASET', 'NEWS_ARTICLE', 'OFFICIAL_STATEMENT');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('COUNTRY', 'GROUP', 'HISTORICAL', 'OTHER');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CURRENCY', 'COUNT', 'PERCENT', 'RANK', 'OTHER');

-- CreateEnum
CREATE TYPE "IndicatorCategory" AS ENUM ('TRADE', 'INVESTMENT', 'AGREEMENTS', 'DIPLOMACY', 'EVENTS', 'OTHER');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('YEAR', 'MONTH', 'MONTHS_TO_DATE', 'MULTI_YEAR', 'STOCK_AT_DATE', 'DATE');

-- CreateEnum
CREATE TYPE "Qualifier" AS ENUM ('EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE');

-- CreateEnum
CREATE TYPE "Derivation" AS ENUM ('PUBLISHED', 'DERIVED', 'INFERRED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('TRADE_AGREEMENT', 'PARTNERSHIP_AGREEMENT', 'MEMORANDUM', 'ROADMAP', 'OTHER');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('DIPLOMATIC_RELATIONS', 'ANNIVERSARY', 'INAUGURATION', 'FORUM', 'VISIT', 'MEETING', 'RESOLUTION', 'SIGNING', 'OTHER');

-- CreateTable
CREATE TABLE "source" (
    "id" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "published_on" DATE,
    "url" TEXT,
    "attribution" TEXT NOT NULL,
    "vintage" TEXT,
    "note" TEXT,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "iso2" TEXT,
    "iso_numeric" TEXT,
    "name_ru" TEXT,

    CONSTRAINT "partner_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "group_membership" (
    "id" SERIAL NOT NULL,
    "group_code" TEXT NOT NULL,
    "member_code" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "note" TEXT,

    CONSTRAINT "group_membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit_kind" "UnitKind" NOT NULL,
    "category" "IndicatorCategory" NOT NULL,
    "definition" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "observation" (
    "id" BIGSERIAL NOT NULL,
    "source_id" TEXT NOT NULL,
    "reporter_code" TEXT NOT NULL,
    "partner_code" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "year" INTEGER,
    "period" TEXT NOT NULL,
    "period_kind" "PeriodKind" NOT NULL,
    "period_start" DATE,
    "period_end" DATE,
    "period_key" TEXT NOT NULL,
    "series_key" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL NOT NULL,
    "unit" TEXT NOT NULL,
    "scale" SMALLINT NOT NULL DEFAULT 0,
    "flag" TEXT NOT NULL DEFAULT '',
    "qualifier" "Qualifier" NOT NULL DEFAULT 'EXACT',
    "is_estimate" BOOLEAN NOT NULL DEFAULT false,
    "derivation" "Derivation" NOT NULL DEFAULT 'PUBLISHED',
    "derivation_note" TEXT,
    "stated_growth_pct" DECIMAL,
    "locator" TEXT,
    "note" TEXT,
    "vintage" TEXT,
    "import_batch_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation_revision" (
    "id" BIGSERIAL NOT NULL,
    "observation_id" BIGINT NOT NULL,
    "old_value" DECIMAL NOT NULL,
    "old_flag" TEXT NOT NULL,
    "old_vintage" TEXT,
    "new_vintage" TEXT,
    "replaced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "import_batch_id" INTEGER,

    CONSTRAINT "observation_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batch" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "source_id" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "signed_on" DATE,
    "signed_year" INTEGER,
    "in_force_on" DATE,
    "in_force_year" INTEGER,
    "value" DECIMAL,
    "currency" TEXT,
    "scale" SMALLINT NOT NULL DEFAULT 0,
    "qualifier" "Qualifier" NOT NULL DEFAULT 'EXACT',
    "source_id" TEXT NOT NULL,
    "locator" TEXT,
    "note" TEXT,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_party" (
    "agreement_id" INTEGER NOT NULL,
    "partner_code" TEXT NOT NULL,

    CONSTRAINT "agreement_party_pkey" PRIMARY KEY ("agreement_id","partner_code")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "end_date" DATE,
    "date_inferred" BOOLEAN NOT NULL DEFAULT false,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT,
    "source_id" TEXT NOT NULL,
    "locator" TEXT,
    "note" TEXT,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_partner" (
    "event_id" INTEGER NOT NULL,
    "partner_code" TEXT NOT NULL,

    CONSTRAINT "event_partner_pkey" PRIMARY KEY ("event_id","partner_code")
);

-- CreateTable
CREATE TABLE "exchange_rate" (
    "year" INTEGER NOT NULL,
    "base_currency" TEXT NOT NULL,
    "quote_currency" TEXT NOT NULL,
    "rate" DECIMAL NOT NULL,
    "is_provisional" BOOLEAN NOT NULL DEFAULT false,
    "source_id" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "exchange_rate_pkey" PRIMARY KEY ("year","base_currency","quote_currency")
);

-- CreateIndex
CREATE UNIQUE INDEX "partner_iso2_key" ON "partner"("iso2");

-- CreateIndex
CREATE UNIQUE INDEX "partner_iso_numeric_key" ON "partner"("iso_numeric");

-- CreateIndex
CREATE INDEX "partner_kind_idx" ON "partner"("kind");

-- CreateIndex
CREATE INDEX "group_membership_member_code_idx" ON "group_membership"("member_code");

-- CreateIndex
CREATE UNIQUE INDEX "group_membership_group_code_member_code_valid_from_key" ON "group_membership"("group_code", "member_code", "valid_from");

-- CreateIndex
CREATE INDEX "observation_partner_code_indicator_code_year_idx" ON "observation"("partner_code", "indicator_code", "year");

-- CreateIndex
CREATE INDEX "observation_reporter_code_indicator_code_year_partner_code_idx" ON "observation"("reporter_code", "indicator_code", "year", "partner_code");

-- CreateIndex
CREATE INDEX "observation_indicator_code_year_idx" ON "observation"("indicator_code", "year");

-- CreateIndex
CREATE INDEX "observation_source_id_idx" ON "observation"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "observation_natural_key" ON "observation"("source_id", "reporter_code", "partner_code", "indicator_code", "period_key", "series_key");

-- CreateIndex
CREATE INDEX "observation_revision_observation_id_idx" ON "observation_revision"("observation_id");

-- CreateIndex
CREATE INDEX "import_batch_sha256_idx" ON "import_batch"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "agreement_key_key" ON "agreement"("key");

-- CreateIndex
CREATE INDEX "agreement_signed_year_idx" ON "agreement"("signed_year");

-- CreateIndex
CREATE INDEX "agreement_party_partner_code_idx" ON "agreement_party"("partner_code");

-- CreateIndex
CREATE UNIQUE INDEX "event_key_key" ON "event"("key");

-- CreateIndex
CREATE INDEX "event_date_idx" ON "event"("date");

-- CreateIndex
CREATE INDEX "event_partner_partner_code_idx" ON "event_partner"("partner_code");

-- AddForeignKey
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_code_fkey" FOREIGN KEY ("group_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_member_code_fkey" FOREIGN KEY ("member_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_reporter_code_fkey" FOREIGN KEY ("reporter_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_partner_code_fkey" FOREIGN KEY ("partner_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicator"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation_revision" ADD CONSTRAINT "observation_revision_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation_revision" ADD CONSTRAINT "observation_revision_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_partner_code_fkey" FOREIGN KEY ("partner_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_partner" ADD CONSTRAINT "event_partner_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_partner" ADD CONSTRAINT "event_partner_partner_code_fkey" FOREIGN KEY ("partner_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rate" ADD CONSTRAINT "exchange_rate_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
