import { describe, expect, it } from 'vitest';
import { apiError, databaseUnavailable, invalidParameters, notFound } from './api-error';

describe('API errors', () => {
  it('names the first bad parameter in the message and lists every problem', async () => {
    const response = invalidParameters([
      { parameter: 'from', message: 'must be a year' },
      { parameter: 'flow', message: 'unknown flow' },
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_parameter',
      message: 'from: must be a year',
      parameter: 'from',
      problems: [
        { parameter: 'from', message: 'must be a year' },
        { parameter: 'flow', message: 'unknown flow' },
      ],
    });
  });

  it('asks the client to retry while the database is away, and never to cache the answer', async () => {
    const response = databaseUnavailable();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()).error).toBe('database_unavailable');
  });

  it('answers JSON with the code and message for every status', async () => {
    const gone = notFound('No partner with the code “XXY”.');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/json');
    expect(await gone.json()).toEqual({ error: 'not_found', message: 'No partner with the code “XXY”.' });
    expect((await apiError(413, 'export_too_large', 'too big').json()).error).toBe('export_too_large');
  });
});
