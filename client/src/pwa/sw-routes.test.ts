import { describe, expect, it } from 'vitest';
import { routeOf } from './sw-routes.ts';

const O = 'http://127.0.0.1:3000';
const r = (method: string, path: string, navigate = false) => routeOf(method, new URL(path, O), O, navigate);

describe('service worker routes', () => {
  it('never answers anything but a GET', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])
      for (const p of ['/api/r/tok/responses', '/api/r/tok', '/api/r/tok/draft', '/assets/a.js', '/r/tok'])
        expect(r(m, p, p === '/r/tok').kind).toBe('pass');
  });

  it('caches only the link’s own GET among the API routes', () => {
    expect(r('GET', '/api/r/tok-1')).toEqual({ kind: 'link', token: 'tok-1' });
    for (const p of [
      '/api/r/tok/export',
      '/api/r/tok/draft',
      '/api/r/tok?x=1',
      '/api/auth/me',
      '/api/waves/w/responses',
      '/api/caisses',
    ])
      expect(r('GET', p).kind).toBe('pass');
  });

  it('serves the shell for participant pages only, and the start URL from the last link', () => {
    expect(r('GET', '/r/tok', true).kind).toBe('page');
    expect(r('GET', '/r/tok/mes-reponses', true).kind).toBe('page');
    expect(r('GET', '/r/', true).kind).toBe('start');
    expect(r('GET', '/login', true).kind).toBe('pass');
    expect(r('GET', '/caisses/1', true).kind).toBe('pass');
  });

  it('static files cache first; another origin is left alone', () => {
    expect(r('GET', '/assets/index-abc.js').kind).toBe('static');
    expect(r('GET', '/manifest.webmanifest').kind).toBe('static');
    expect(r('GET', '/icons/icon-512.png').kind).toBe('static');
    expect(routeOf('GET', new URL('https://example.org/assets/a.js'), O, false).kind).toBe('pass');
  });
});
