-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "OutletKind" AS ENUM ('STATE_NEWS_AGENCY', 'STATE_MEDIA', 'GOVERNMENT', 'NEWS_AGENCY', 'NEWSPAPER', 'ONLINE_OUTLET', 'AGGREGATOR', 'CORPORATE');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('IN_FORCE', 'SIGNED', 'UNDER_NEGOTIATION', 'MEMORANDUM', 'ROADMAP', 'PLAN');

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "dataset_table" TEXT,
ADD COLUMN     "date_basis" TEXT,
ADD COLUMN     "outlet_id" TEXT,
ADD COLUMN     "published_on_inferred" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "published_on_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
ADD COLUMN     "retrieved_via" TEXT,
ADD COLUMN     "retrieved_via_url" TEXT,
ADD COLUMN     "title_basis" TEXT NOT NULL DEFAULT 'page';

-- AlterTable
ALTER TABLE "agreement" ADD COLUMN     "grouped" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "in_force_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
ADD COLUMN     "status" "AgreementStatus" NOT NULL DEFAULT 'SIGNED',
ADD COLUMN     "summary" TEXT;

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "date_basis" TEXT,
ADD COLUMN     "summary" TEXT;

-- CreateTable
CREATE TABLE "outlet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OutletKind" NOT NULL,
    "description" TEXT NOT NULL,
    "homepage" TEXT,

    CONSTRAINT "outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_source" (
    "agreement_id" INTEGER NOT NULL,
    "source_id" TEXT NOT NULL,
    "locator" TEXT,

    CONSTRAINT "agreement_source_pkey" PRIMARY KEY ("agreement_id","source_id")
);

-- CreateIndex
CREATE INDEX "agreement_source_source_id_idx" ON "agreement_source"("source_id");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_source" ADD CONSTRAINT "agreement_source_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_source" ADD CONSTRAINT "agreement_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
