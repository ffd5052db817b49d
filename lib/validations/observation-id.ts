import { z } from 'zod';

/** PostgreSQL bigint's upper bound: a larger number cannot be an observation id. */
const MAX_BIGINT = 9223372036854775807n;

/**
 * An observation id as it appears in a URL: a positive whole number within bigint. Kept as text,
 * because ids beyond 2^53 would lose digits as JavaScript numbers.
 */
export const observationIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, 'expected a positive whole number (an observation id)')
  // zod runs this check even after the pattern failed: only digits reach BigInt.
  .refine(
    (id) => !/^\d+$/.test(id) || BigInt(id) <= MAX_BIGINT,
    'expected an observation id (at most 9223372036854775807)',
  );

export type ObservationId = z.infer<typeof observationIdSchema>;

/** The id, or the reason it is not one, for a 400 answer. */
export function parseObservationId(raw: string): { ok: true; id: ObservationId } | { ok: false; message: string } {
  const parsed = observationIdSchema.safeParse(raw);
  if (parsed.success) return { ok: true, id: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'expected an observation id' };
}
