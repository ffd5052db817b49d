// Next.js calls onRequestError for every error on the server, including one thrown by a server
// component after its page began streaming with status 200. A render for the page cache carries
// an id (lib/render-failures.ts), so the cache can answer 503 and store nothing.
import type { Instrumentation } from 'next';
import { recordRenderFailure, RENDER_ID_HEADER } from '@/lib/render-failures';

export const onRequestError: Instrumentation.onRequestError = (_error, request) => {
  const id = request.headers[RENDER_ID_HEADER];
  if (typeof id === 'string' && id !== '') recordRenderFailure(id);
};
