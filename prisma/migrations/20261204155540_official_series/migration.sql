-- CreateEnum
CREATE TYPE "WorldTotalRule" AS ENUM ('PUBLISHED', 'SUM_OF_PARTNERS');

-- CreateEnum
CREATE TYPE "SeriesBreakKind" AS ENUM ('INCOMPLETE', 'DISCONTINUITY', 'SOURCE_CHANGE');

-- CreateTable
CREATE TABLE "official_source" (
    "reporter_code" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "precedence" INTEGER NOT NULL,
    "derived_from" TEXT,
    "world_total" "WorldTotalRule",
    "note" TEXT NOT NULL,

    CONSTRAINT "official_source_pkey" PRIMARY KEY ("reporter_code","source_id")
);

-- CreateTable
CREATE TABLE "official_series" (
    "reporter_code" TEXT NOT NULL,
    "partner_code" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value_usd_mn" DOUBLE PRECISION NOT NULL,
    "share" DOUBLE PRECISION,
    "is_estimate" BOOLEAN NOT NULL,
    "derivation" "Derivation" NOT NULL,
    "source_id" TEXT NOT NULL,
    "edition_id" TEXT NOT NULL,
    "observation_id" BIGINT,

    CONSTRAINT "official_series_pkey" PRIMARY KEY ("reporter_code","partner_code","indicator_code","year")
);

-- CreateTable
CREATE TABLE "series_break" (
    "key" TEXT NOT NULL,
    "reporter_code" TEXT NOT NULL DEFAULT 'KAZ',
    "kind" "SeriesBreakKind" NOT NULL,
    "first_year" INTEGER NOT NULL,
    "last_year" INTEGER NOT NULL,
    "partner_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source_id" TEXT,
    "url" TEXT,

    CONSTRAINT "series_break_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "official_source_reporter_code_precedence_key" ON "official_source"("reporter_code", "precedence");

-- CreateIndex
CREATE INDEX "official_series_reporter_code_indicator_code_year_idx" ON "official_series"("reporter_code", "indicator_code", "year");

-- CreateIndex
CREATE INDEX "official_series_observation_id_idx" ON "official_series"("observation_id");

-- CreateIndex
CREATE INDEX "series_break_reporter_code_first_year_idx" ON "series_break"("reporter_code", "first_year");

-- AddForeignKey
ALTER TABLE "official_source" ADD CONSTRAINT "official_source_reporter_code_fkey" FOREIGN KEY ("reporter_code") REFERENCES "partner"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_source" ADD CONSTRAINT "official_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official_source" ADD CONSTRAINT "official_source_derived_from_fkey" FOREIGN KEY ("derived_from") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "series_break" ADD CONSTRAINT "series_break_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The official annual series of each reporter with official sources, defined once. Rules:
-- * Calendar-year (FY) US-dollar export, import and turnover rows of the official
--   sources (official_source), ordinary series only.
-- * Each year is taken whole from the best partner table (lowest precedence) that has that year,
--   so one year never mixes two sources or two editions. A source derived from a partner table
--   (the EU-27 sums of the bureau rows) belongs to the years of that table.
-- * The EU in its 27-member composition is one code, AGG_EU, whichever source supplies the year.
-- * A partner table without a world row (rule SUM_OF_PARTNERS) gets the total with the world as the sum
--   of its partner rows for each flow (every partner but groups), marked DERIVED.
-- * Balance = export - import of the same partner and year, where both exist.
-- * share = value over the world total of the same flow, year and edition, none for balance.
-- Written with window functions and aggregates rather than self-joins, so that the planner never
-- nests loops over its own intermediate results. Sums and shares are computed in numeric, so a
-- refresh gives the same floats whatever order the rows are summed in.
CREATE VIEW official_series_v AS
WITH annual AS (
    SELECT o.id, o.reporter_code,
           CASE WHEN o.partner_code = 'AGG_EU27' THEN 'AGG_EU' ELSE o.partner_code END AS partner_code,
           o.indicator_code, o.year,
           o.value * power(10::numeric, o.scale - 6) AS value_usd_mn,
           o.is_estimate, o.derivation, o.source_id, s.precedence,
           coalesce(s.derived_from, s.source_id) AS edition_id
    FROM observation o
    JOIN official_source s ON s.reporter_code = o.reporter_code AND s.source_id = o.source_id
    WHERE o.period = 'FY' AND o.unit = 'USD' AND o.series_key = '' AND o.year IS NOT NULL
      AND o.indicator_code IN ('export', 'import', 'turnover')
),
editions AS (
    SELECT a.*, t.world_total, t.precedence AS edition_precedence,
           min(t.precedence) OVER (PARTITION BY a.reporter_code, a.year) AS best_edition
    FROM annual a
    JOIN official_source t ON t.reporter_code = a.reporter_code AND t.source_id = a.edition_id
),
chosen AS (
    SELECT *, bool_or(partner_code = 'AGG_WORLD') OVER (PARTITION BY reporter_code, year) AS has_world
    FROM (
        SELECT e.*, row_number() OVER (
                   PARTITION BY e.reporter_code, e.partner_code, e.indicator_code, e.year ORDER BY e.precedence
               ) AS pick
        FROM editions e
        WHERE e.edition_precedence = e.best_edition
    ) one_per_key
    WHERE pick = 1
),
summed_flows AS (
    SELECT c.reporter_code, c.indicator_code, c.year, c.edition_id,
           sum(c.value_usd_mn) AS value_usd_mn, bool_or(c.is_estimate) AS is_estimate
    FROM chosen c
    JOIN partner p ON p.code = c.partner_code
    WHERE c.world_total = 'SUM_OF_PARTNERS' AND NOT c.has_world AND p.kind <> 'GROUP'
    GROUP BY c.reporter_code, c.indicator_code, c.year, c.edition_id
),
flows AS (
    SELECT reporter_code, partner_code, indicator_code, year, value_usd_mn, is_estimate, derivation,
           source_id, edition_id, id AS observation_id
    FROM chosen
    UNION ALL
    SELECT reporter_code, 'AGG_WORLD', indicator_code, year, value_usd_mn, is_estimate, 'DERIVED'::"Derivation",
           edition_id, edition_id, NULL::bigint
    FROM summed_flows
),
with_balance AS (
    SELECT * FROM flows
    UNION ALL
    SELECT reporter_code, partner_code, 'balance', year,
           max(value_usd_mn) FILTER (WHERE indicator_code = 'export')
             - max(value_usd_mn) FILTER (WHERE indicator_code = 'import'),
           bool_or(is_estimate), 'DERIVED'::"Derivation", min(source_id), edition_id, NULL::bigint
    FROM flows
    WHERE indicator_code IN ('export', 'import')
    GROUP BY reporter_code, partner_code, year, edition_id
    HAVING count(*) FILTER (WHERE indicator_code = 'export') = 1
       AND count(*) FILTER (WHERE indicator_code = 'import') = 1
)
SELECT reporter_code, partner_code, indicator_code, year, value_usd_mn::float8 AS value_usd_mn,
       CASE WHEN indicator_code <> 'balance' THEN
           (value_usd_mn / NULLIF(max(value_usd_mn) FILTER (WHERE partner_code = 'AGG_WORLD')
                                  OVER (PARTITION BY reporter_code, indicator_code, year), 0))::float8
       END AS share,
       is_estimate, derivation, source_id, edition_id, observation_id
FROM with_balance;
