import 'server-only';
import { z } from 'zod';

// The citation of a source as screens show it: headline or dataset title, outlet or publisher,
// date with its precision and whether it was worked out. Shared by the agreement, event, presence
// and source queries so that every screen cites a source the same way. Each query builds it with
// json_build_object over `source s LEFT JOIN outlet o ON o.id = s.outlet_id` (postgres.js parses it).

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;

export const citationSchema = z.object({
  sourceId: z.string(),
  kind: z.string(),
  title: z.string(),
  titleBasis: z.string(),
  publisher: z.string(),
  outletName: z.string().nullable(),
  publishedOn: z.string().nullable(),
  publishedOnPrecision: z.enum(DATE_PRECISIONS),
  publishedOnInferred: z.boolean(),
  url: z.string().nullable(),
  locator: z.string().nullable(),
});

export type Citation = z.infer<typeof citationSchema>;
