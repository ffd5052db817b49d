// The derived EU-27 rows (the EU of the official series from 2020) against the sum of the member rows.
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import { computedValue, figureLabel, figurePeriod, figureSchema, toCheckValue } from '@/lib/consistency/figure';
import { assessComputedSum } from '@/lib/consistency/outcome';
import { COMPUTED_SUM_RELATIVE_TOLERANCE, relativeDifference } from '@/lib/consistency/tolerance';
import { proseNumber } from '@/lib/consistency/labels';
import { text } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { BNS_BY_PARTNER_SOURCE_ID, BNS_EU27_SOURCE_ID, EU27_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import { figuresCte } from './sql';

// Its title, description, why and tolerance: Consistency.checks.eu27-members-sum in the catalogues.
export const EU27_MEMBERS_SUM: CheckProse = {
  id: 'eu27-members-sum',
  values: { tolerance: COMPUTED_SUM_RELATIVE_TOLERANCE },
};

const rowSchema = z.object({
  total: figureSchema,
  members_sum: z.number().nullable(),
  members: z.number().int(),
  expected_members: z.number().int(),
  missing_members: z.array(z.string()).nullable(),
});

export async function getEu27MembersSumCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getEu27MembersSumCheck', null, async () =>
    z.array(rowSchema).parse(
      await sql`
        WITH ${figuresCte('obs', sql`o.source_id = ${BNS_EU27_SOURCE_ID} AND o.partner_code = ${EU27_CODE}`)},
        members AS (
          SELECT d.id AS total_id, g.member_code
          FROM obs d
          JOIN group_membership g ON g.group_code = ${EU27_CODE}
            AND g.valid_from <= make_date(d.year, 12, 31) AND (g.valid_to IS NULL OR g.valid_to >= make_date(d.year, 1, 1))
        )
        SELECT to_jsonb(d) AS total, s.members_sum, s.members,
               (SELECT count(*) FROM members m WHERE m.total_id = d.id)::int AS expected_members,
               (SELECT array_agg(m.member_code ORDER BY m.member_code) FROM members m
                 WHERE m.total_id = d.id AND NOT EXISTS (
                   SELECT 1 FROM observation b WHERE b.source_id = ${BNS_BY_PARTNER_SOURCE_ID} AND b.reporter_code = d.reporter_code
                     AND b.partner_code = m.member_code AND b.indicator_code = d.indicator_code AND b.year = d.year
                     AND b.period = d.period AND b.series_key = '' AND b.unit = d.unit)) AS missing_members
        FROM obs d
        CROSS JOIN LATERAL (
          SELECT sum(b.value * power(10::numeric, b.scale))::float8 AS members_sum, count(DISTINCT b.partner_code)::int AS members
          FROM observation b
          JOIN members m ON m.total_id = d.id AND m.member_code = b.partner_code
          WHERE b.source_id = ${BNS_BY_PARTNER_SOURCE_ID} AND b.reporter_code = d.reporter_code
            AND b.indicator_code = d.indicator_code AND b.year = d.year AND b.period = d.period
            AND b.series_key = '' AND b.unit = d.unit
        ) s
        ORDER BY d.year, d.indicator_code`,
    ),
  );

  const items = rows.map(
    ({ total, members_sum: membersSum, members, expected_members: expected, missing_members: missing }): CheckItem => {
      const complete = members === expected && expected > 0;
      const outcome = membersSum !== null && complete ? assessComputedSum(total.value, membersSum) : 'fail';
      return {
        key: `eu27:${total.id}`,
        title: text('titleWithPeriod', { title: figureLabel(total), period: figurePeriod(total) }),
        outcome,
        values: [
          toCheckValue(total, text('eu27.roles.total')),
          computedValue({
            role: text('eu27.roles.sum'),
            label: text('eu27.sumLabel', { members, expected }),
            value: membersSum,
            unit: total.unit,
            period: figurePeriod(total),
            sourceIds: [BNS_BY_PARTNER_SOURCE_ID],
            note: missing && missing.length > 0 ? text('eu27.noRowFor', { codes: missing.join(', ') }) : null,
          }),
        ],
        difference:
          membersSum === null
            ? null
            : {
                value: total.value - membersSum,
                unit: total.unit,
                relative: relativeDifference(total.value, membersSum),
              },
        ranges: [],
        explanation: !complete
          ? text('eu27.incomplete')
          : text(outcome === 'pass' ? 'eu27.equals' : 'eu27.differs', {
              tolerance: proseNumber(COMPUTED_SUM_RELATIVE_TOLERANCE),
            }),
      };
    },
  );

  return buildCheck(EU27_MEMBERS_SUM, { items, stats: [stat(text('eu27.stats.checked'), items.length)] });
}
