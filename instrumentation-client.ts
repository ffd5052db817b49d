// Runs in the browser before any app code (Next.js loads it first).
import { config } from 'zod/v4/core';

// Zod 4 compiles object parsers with `new Function` after probing whether eval is allowed. Our
// Content-Security-Policy forbids eval, so the probe was blocked on every page that parses the
// URL in the browser: harmless (Zod falls back), but a policy violation each time, reported in
// Chrome's Issues panel and by Lighthouse. Jitless mode skips the probe and the compiled path.
// The server keeps the JIT: no policy applies there. The small core module keeps this chunk tiny.
config({ jitless: true });
