// Validates the environment once, for the app (imported by next.config.js) and the scripts.
// Plain JS so that next.config.js can import it without a TypeScript loader.
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
  .optional()
  .or(z.literal('').transform(() => undefined));

const envSchema = z
  .object({
    // The writer's URL (migrations, seed, imports); the app too when DATABASE_READER_URL is unset.
    DATABASE_URL: postgresUrl,
    // A role that may only read, for the app (docs/database.md, "Roles").
    DATABASE_READER_URL: postgresUrl,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    QUERY_CACHE: z.enum(['on', 'off']).default('on'),
    PAGE_CACHE: z.enum(['on', 'off']).default('on'),
    // The address at which this server reaches itself to render pages for the page cache (proxy.ts).
    PAGE_CACHE_ORIGIN: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// address of this server, such as http://127.0.0.1:3000',
      })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((env) => !env.DATABASE_READER_URL || env.DATABASE_URL, {
    path: ['DATABASE_READER_URL'],
    message: 'needs DATABASE_URL as well (without DATABASE_URL, the embedded database makes its own reader role)',
  });

/** @typedef {z.infer<typeof envSchema>} Env */

/** @returns {Env} */
export function readEnv(source = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
