// Failures as text for the screens: one message for any error, and the request validator's 400
// as { field: message }.
import type { Lang } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';

/** A message for any failure (the server's own message for 4xx, which is French). */
export function errorMessage(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) {
    if (err.isNetwork)
      return lang === 'fr'
        ? 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.'
        : 'The server is not responding. Check your connection and try again.';
    if (err.status >= 500)
      return lang === 'fr' ? 'Le serveur a rencontré un problème.' : 'The server ran into a problem.';
    if (err.status === 403)
      return lang === 'fr' ? 'Vous n’avez pas accès à cette action.' : 'You are not allowed to do this.';
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** The 400 of the request validator as { field: message } (details: [{ path: 'body/region', message }]). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.status !== 400 || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { path?: string; message?: string }[]) {
    const path = (d.path ?? '').replace(/^body\/?/, '');
    const field = path.split('/')[0] || '_';
    if (!out[field]) out[field] = d.message ?? '';
  }
  return out;
}
