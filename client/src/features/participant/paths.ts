// The participant pages' paths: /r/<token>[/mes-reponses][?vague=<id>].

export const WAVE_PARAM = 'vague';
export const ANSWERS_PATH = 'mes-reponses';

/** /r/<token>[/<page>] → its parts ('' page for the questionnaire). */
export function parseParticipantPath(pathname: string): { token: string; page: string } {
  const [, , token = '', page = ''] = pathname.split('/');
  return { token: decodeURIComponent(token), page };
}
