import { describe, expect, it } from 'vitest';
import { isParticipantPath } from '../../main.tsx';
import { parseParticipantPath } from '../participant/paths.ts';
import { safeNext } from '../auth/login-page.tsx';
import { caisseIdInPath, routeHref, type StaffRoute } from './routes.tsx';

const screen = (path: string) => ({ path }) as StaffRoute;

describe('routing helpers', () => {
  it('fills :caisseId with the chosen caisse, or gives no link without one', () => {
    expect(routeHref(screen('caisses/:caisseId/vagues'), 'c-1')).toBe('/caisses/c-1/vagues');
    expect(routeHref(screen('caisses/:caisseId/vagues'), null)).toBeNull();
    expect(routeHref(screen('admin/comptes'), null)).toBe('/admin/comptes');
    expect(routeHref(screen(''), 'c-1')).toBe('/');
  });

  it('reads the caisse of a staff URL', () => {
    expect(caisseIdInPath('/caisses/abc/vagues')).toBe('abc');
    expect(caisseIdInPath('/caisses/abc')).toBe('abc');
    expect(caisseIdInPath('/admin')).toBeNull();
  });

  it('sends participant links to the participant chunk only', () => {
    expect(isParticipantPath('/r/abcdef')).toBe(true);
    expect(isParticipantPath('/r/abcdef/mes-reponses')).toBe(true);
    expect(isParticipantPath('/r/')).toBe(false);
    expect(isParticipantPath('/login')).toBe(false);
    expect(isParticipantPath('/rapports')).toBe(false);
    expect(parseParticipantPath('/r/tok_en-1/mes-reponses')).toEqual({
      token: 'tok_en-1',
      page: 'mes-reponses',
    });
    expect(parseParticipantPath('/r/tok')).toEqual({ token: 'tok', page: '' });
  });

  it('returns after login only to a page of this site', () => {
    expect(safeNext('/caisses/c/vagues?x=1')).toBe('/caisses/c/vagues?x=1');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
  });
});
