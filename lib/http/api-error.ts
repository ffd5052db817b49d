// Every error the API answers, in one shape: `{ error, message, ...details }` with a status that
// says what went wrong. Routes, the download slots and the proxy build their errors here, so a
// client reads one format whichever gate refused it (docs/api.md).

/** A parameter the API could not use, and why. */
export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ApiErrorCode =
  | 'invalid_parameter'
  | 'bad_request'
  | 'not_found'
  | 'no_data'
  | 'method_not_allowed'
  | 'export_too_large'
  | 'view_too_expensive'
  | 'too_many_downloads'
  | 'database_unavailable';

export function apiError(
  status: number,
  error: ApiErrorCode,
  message: string,
  options: { details?: Record<string, unknown>; headers?: HeadersInit } = {},
): Response {
  return Response.json({ error, message, ...options.details }, { status, headers: options.headers });
}

/** 400 naming the first bad parameter in `message`, with every problem listed. */
export function invalidParameters(problems: readonly ParameterProblem[]): Response {
  const first = problems[0] ?? { parameter: 'query', message: 'invalid' };
  return apiError(400, 'invalid_parameter', `${first.parameter}: ${first.message}`, {
    details: { parameter: first.parameter, problems },
  });
}

export const invalidParameter = (parameter: string, message: string) => invalidParameters([{ parameter, message }]);

/** 503 while the database cannot be read; the client may retry. */
export function databaseUnavailable(
  message = 'The database is not reachable; try again shortly.',
  retryAfterSeconds = 5,
): Response {
  return apiError(503, 'database_unavailable', message, {
    headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
  });
}

export const notFound = (message: string) => apiError(404, 'not_found', message);
