import { describe, expect, it, vi } from 'vitest';
import { auth } from '../features/auth/api.ts';
import { ApiError, createApiClient, validationIssues } from './api.ts';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const me = {
  user: { id: 'u1', email: 'coord@example.org' },
  roles: ['coordinator'],
  caisses: [{ id: 'c1', name: 'Caisse de Lyon', role: 'coordinator' }],
  csrfToken: 'csrf-123',
};

describe('api client', () => {
  it('keeps the CSRF token from login and sends it on writes only', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/login') return json(200, me);
      return json(200, { ok: true, method: init?.method });
    });
    const client = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    await client.post('/caisses/c1/waves', { period: 'T0' });
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();

    await auth.login('coord@example.org', 'secret', client);
    expect(client.csrfToken).toBe('csrf-123');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await client.request(method, '/x', { body: {} });
    }
    await client.get('/me');
    const calls = fetch.mock.calls.slice(2);
    const header = (i: number) => (calls[i]![1]!.headers as Record<string, string>)['x-csrf-token'];
    expect([0, 1, 2, 3].map(header)).toEqual(['csrf-123', 'csrf-123', 'csrf-123', 'csrf-123']);
    expect(header(4)).toBeUndefined();
    expect(calls[0]![1]!.credentials).toBe('same-origin');
    expect(calls[0]![1]!.body).toBe('{}');
  });

  it('forgets the CSRF token on logout', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    const client = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    client.setCsrfToken('t');
    await auth.logout(client);
    expect(client.csrfToken).toBeNull();
  });

  it('maps error bodies to ApiError with status, code, message and details', async () => {
    const details = {
      errors: [{ question: 'respondent_age', code: 'MAX', message: 'Trop grand', messageEn: 'Too large' }],
    };
    const client = createApiClient({
      fetch: (async () =>
        json(422, {
          statusCode: 422,
          code: 'INVALID_RESPONSE',
          message: 'Réponse invalide : 1 erreur(s)',
          details,
        })) as unknown as typeof fetch,
    });
    const err = await client.post('/r/t/responses', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const a = err as ApiError;
    expect([a.status, a.code, a.message]).toEqual([
      422,
      'INVALID_RESPONSE',
      'Réponse invalide : 1 erreur(s)',
    ]);
    expect(a.details).toEqual(details);
    expect(a.isTransient).toBe(false);
    expect(validationIssues(a)).toEqual(details.errors);
  });

  it('turns a failed fetch into a transient status-0 error', async () => {
    const client = createApiClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    const err = (await client.get('/me').catch((e: unknown) => e)) as ApiError;
    expect([err.status, err.code, err.isNetwork, err.isTransient]).toEqual([0, 'NETWORK_ERROR', true, true]);
  });

  it('keeps a non-JSON error usable (a proxy page)', async () => {
    const client = createApiClient({
      fetch: (async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        })) as unknown as typeof fetch,
    });
    const err = (await client.get('/me').catch((e: unknown) => e)) as ApiError;
    expect([err.status, err.code, err.isTransient]).toEqual([502, 'HTTP_502', true]);
  });

  it('answers null for me() without a session', async () => {
    const client = createApiClient({
      fetch: (async () =>
        json(401, {
          statusCode: 401,
          code: 'UNAUTHENTICATED',
          message: 'Authentification requise',
        })) as unknown as typeof fetch,
    });
    expect(await auth.me(client)).toBeNull();
  });
});
