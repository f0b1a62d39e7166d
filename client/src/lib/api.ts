// The one way the client talks to the server: JSON over fetch to /api, cookies same-origin, the
// CSRF token (from login, invitation or GET /api/me) sent on every write, and every failure as an
// ApiError { status, code, message, details } (status 0 = no answer from the server).
//
// Adding helpers for an area: put them in that feature's api.ts (e.g. client/src/features/waves/api.ts)
// built on `api.get/post/…` from here, with the response types next to them, so that only the
// screens using them carry them and concurrent work does not collide in this file.

import type { z } from 'zod';
import type { validationErrorSchema } from '../../../server/responses/responses.schema.ts';

export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The request never got an answer (offline, DNS, server down): worth retrying. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
  /** Failures a retry may fix: no answer, timeouts, rate limits, server errors. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const WRITES = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Keep the request alive while the page unloads (draft flush on pagehide). */
  keepalive?: boolean;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  base?: string;
}

export function createApiClient({ fetch: fetchImpl, base = '/api' }: ApiClientOptions = {}) {
  let csrfToken: string | null = null;
  const doFetch = (...args: Parameters<typeof fetch>) => (fetchImpl ?? globalThis.fetch)(...args);

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal,
        keepalive: opts.keepalive,
      });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new ApiError(0, 'NETWORK_ERROR', (err as Error)?.message || 'Network error');
    }
    const text = await res.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const b = (json ?? {}) as ApiErrorBody;
      throw new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? res.statusText, b.details);
    }
    return json as T;
  }

  return {
    request,
    get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('PATCH', path, { ...opts, body }),
    del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    get csrfToken() {
      return csrfToken;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client every screen uses. */
export const api: ApiClient = createApiClient();

/** Error details of a 422 from the response validator (server/questionnaires/validator). */
export type ValidationIssue = z.infer<typeof validationErrorSchema>;

export function validationIssues(err: unknown): ValidationIssue[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const errors = (err.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ValidationIssue[]) : [];
}
