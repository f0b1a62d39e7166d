// Who is making a request, resolved once per request from the session cookie.
export type CaisseRole = 'coordinator' | 'member';

export interface UserActor {
  kind: 'user';
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; isAdmin: boolean; isResearcher: boolean };
  memberships: ReadonlyMap<string, CaisseRole>;
}

/** A participant acting through their link (no account). */
export interface ParticipantActor {
  kind: 'participant';
  participantId: string;
}

export type Actor = { kind: 'anonymous' } | UserActor | ParticipantActor;

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

/** The role label written to the audit log. */
export function roleLabel(actor: Actor, caisseId?: string | null): string {
  if (actor.kind !== 'user') return actor.kind;
  if (actor.user.isAdmin) return 'admin';
  if (caisseId) {
    const r = actor.memberships.get(caisseId);
    if (r) return r;
  }
  return actor.user.isResearcher ? 'researcher' : 'user';
}
