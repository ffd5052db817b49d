import 'server-only';
import { AGREEMENT_STATUSES, type AgreementStatus } from '@/lib/constants';

export { AGREEMENT_STATUSES, type AgreementStatus };
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { sql } from '@/lib/sql';
import { citationSchema, DATE_PRECISIONS, type Citation } from './citations';
import { withEuAliases } from '@/lib/partner-codes';
import { runQuery } from './run-query';

// A partner's agreements, one row per agreement however many sources name it (DESTA and the
// articles), with counts by status computed in PostgreSQL over the same rows, and the counts that
// sources state without listing ("more than 35 agreements in force"), which are never rows.

const agreementRowSchema = z.object({
  key: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  grouped: z.boolean(),
  signedOn: z.string().nullable(),
  signedYear: z.number().int().nullable(),
  inForceOn: z.string().nullable(),
  inForceYear: z.number().int().nullable(),
  inForcePrecision: z.enum(DATE_PRECISIONS),
  /** Stated value as published (every digit kept), with currency and power-of-ten scale. */
  value: z.string().nullable(),
  currency: z.string().nullable(),
  scale: z.number().int(),
  qualifier: z.string(),
  partyCount: z.number().int(),
  citations: z.array(citationSchema),
});
export type AgreementRow = z.infer<typeof agreementRowSchema>;

const statedCountSchema = z.object({
  value: z.string(),
  qualifier: z.string(),
  label: z.string(),
  asOf: z.string().nullable(),
  asOfInferred: z.boolean(),
  citation: citationSchema,
});
export type StatedAgreementCount = z.infer<typeof statedCountSchema>;

export interface PartnerAgreementList {
  rows: AgreementRow[];
  /** Rows per status; every status present, zero where none. Sums to rows.length. */
  countsByStatus: Record<AgreementStatus, number>;
  /** Counts a source states without listing the agreements (shown beside the list, never in it). */
  statedCounts: StatedAgreementCount[];
}

async function getPartnerAgreementListUncached(code: string): Promise<PartnerAgreementList> {
  const codes = withEuAliases([code]);
  return runQuery('getPartnerAgreementList', { code }, async () => {
    const [rows, counts, stated] = await Promise.all([
      sql`
        SELECT a.key, a.title, a.summary, a.status::text AS status, a.grouped,
               to_char(a.signed_on, 'YYYY-MM-DD') AS "signedOn", a.signed_year AS "signedYear",
               to_char(a.in_force_on, 'YYYY-MM-DD') AS "inForceOn", a.in_force_year AS "inForceYear",
               a.in_force_precision::text AS "inForcePrecision", a.value::text AS value, a.currency, a.scale::int AS scale,
               a.qualifier::text AS qualifier,
               (SELECT count(*)::int FROM agreement_party p WHERE p.agreement_id = a.id) AS "partyCount",
               (SELECT json_agg(json_build_object(
                  'sourceId', s.id, 'kind', s.kind::text, 'title', s.title, 'titleBasis', s.title_basis,
                  'publisher', s.publisher, 'outletName', o.name, 'publishedOn', to_char(s.published_on, 'YYYY-MM-DD'),
                  'publishedOnPrecision', s.published_on_precision::text, 'publishedOnInferred', s.published_on_inferred,
                  'url', s.url, 'locator', x.locator) ORDER BY s.kind, s.id)
                FROM agreement_source x JOIN source s ON s.id = x.source_id LEFT JOIN outlet o ON o.id = s.outlet_id
                WHERE x.agreement_id = a.id) AS citations
        FROM agreement a
        WHERE EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.partner_code IN ${sql(codes)})
        ORDER BY array_position(ARRAY['IN_FORCE','SIGNED','MEMORANDUM','ROADMAP','PLAN','UNDER_NEGOTIATION'], a.status::text),
                 coalesce(a.signed_year, a.in_force_year) NULLS LAST, a.key`,
      sql`
        SELECT a.status::text AS status, count(*)::int AS n
        FROM agreement a
        WHERE EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.partner_code IN ${sql(codes)})
        GROUP BY a.status`,
      sql`
        SELECT ob.value::text AS value, ob.qualifier::text AS qualifier, i.label,
               coalesce(to_char(ob.period_end, 'YYYY-MM-DD'), to_char(s.published_on, 'YYYY-MM-DD')) AS "asOf",
               (ob.period_end IS NULL AND s.published_on_inferred) OR ob.derivation = 'INFERRED' AS "asOfInferred",
               json_build_object(
                 'sourceId', s.id, 'kind', s.kind::text, 'title', s.title, 'titleBasis', s.title_basis,
                 'publisher', s.publisher, 'outletName', o.name, 'publishedOn', to_char(s.published_on, 'YYYY-MM-DD'),
                 'publishedOnPrecision', s.published_on_precision::text, 'publishedOnInferred', s.published_on_inferred,
                 'url', s.url, 'locator', ob.locator) AS citation
        FROM observation ob
        JOIN indicator i ON i.code = ob.indicator_code
        JOIN source s ON s.id = ob.source_id LEFT JOIN outlet o ON o.id = s.outlet_id
        WHERE ob.indicator_code = 'agreements_in_force'
          AND (ob.partner_code IN ${sql(codes)} OR ob.reporter_code IN ${sql(codes)})
        ORDER BY ob.year NULLS LAST, ob.id`,
    ]);
    const parsedRows = z.array(agreementRowSchema).parse(rows.map((r) => ({ ...r, citations: r.citations ?? [] })));
    const countsByStatus = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0])) as Record<AgreementStatus, number>;
    for (const c of z.array(z.object({ status: z.enum(AGREEMENT_STATUSES), n: z.number().int() })).parse(counts)) {
      countsByStatus[c.status] = c.n;
    }
    return { rows: parsedRows, countsByStatus, statedCounts: z.array(statedCountSchema).parse(stated) };
  });
}

export type { Citation };
// Cached per dataset version (lib/cache.ts), like every page query.
export const getPartnerAgreementList = cachedQuery(
  'agreements.getPartnerAgreementList',
  getPartnerAgreementListUncached,
);
