import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { db } from '@/lib/db';
import type { SourceKind } from '@/lib/generated/prisma/enums';
import { runQuery } from './run-query';

export interface SourceSummary {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
  attribution: string;
  vintage: string | null;
  figures: number;
}

/** Every source with the number of observations it supplies, counted in PostgreSQL. */
async function getSourcesUncached(): Promise<SourceSummary[]> {
  return runQuery('getSources', null, async () => {
    const [sources, counts] = await Promise.all([
      db.source.findMany({
        select: {
          id: true,
          kind: true,
          title: true,
          publisher: true,
          publishedOn: true,
          url: true,
          attribution: true,
          vintage: true,
        },
        orderBy: [{ kind: 'asc' }, { id: 'asc' }],
      }),
      db.observation.groupBy({ by: ['sourceId'], _count: { _all: true } }),
    ]);
    const bySource = new Map(counts.map((c) => [c.sourceId, c._count._all]));
    return sources.map((s) => ({
      ...s,
      publishedOn: s.publishedOn ? s.publishedOn.toISOString().slice(0, 10) : null,
      figures: bySource.get(s.id) ?? 0,
    }));
  });
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getSources = cachedQuery('sources.getSources', getSourcesUncached);
