import { databaseUnavailable, invalidParameter, notFound } from '@/lib/http/api-error';
import type { NextRequest } from 'next/server';
import { getObservationDetail, getObservationRevisions } from '@/lib/queries/observation-revisions';
import { parseObservationId } from '@/lib/validations/observation-id';

export const dynamic = 'force-dynamic';

/**
 * The values newer vintages replaced for one observation, newest first: old value and flag, old
 * and new vintage, when it was replaced and by which import. 400 for an id that is not a number,
 * 404 for an id with no observation.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const parsed = parseObservationId(raw);
  if (!parsed.ok) {
    return invalidParameter('id', parsed.message);
  }
  let detail;
  let revisions;
  try {
    [detail, revisions] = await Promise.all([getObservationDetail(parsed.id), getObservationRevisions(parsed.id)]);
  } catch {
    return databaseUnavailable();
  }
  if (!detail || !revisions) {
    return notFound(`There is no observation with id ${parsed.id}.`);
  }
  const {
    id,
    source_id,
    reporter_code,
    partner_code,
    flow,
    year,
    period,
    series_key,
    value,
    unit,
    scale,
    flag,
    vintage,
  } = detail;
  return Response.json({
    observation: {
      id,
      source_id,
      reporter_code,
      partner_code,
      flow,
      year,
      period,
      series_key,
      value,
      unit,
      scale,
      flag,
      vintage,
    },
    revisions,
  });
}
