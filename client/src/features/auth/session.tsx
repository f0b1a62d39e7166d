// The signed-in user (GET /api/me, which also gives the CSRF token) and the caisse being worked
// on, for every staff screen: `const { me, caisse, hasRole } = useSession();`.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { auth, type CaisseRole, type Me, type PlatformRole } from './api.ts';

const CAISSE_STORAGE_KEY = 'recolte.caisse';

export interface CaisseChoice {
  id: string;
  name: string;
  role: CaisseRole;
}

export interface Session {
  me: Me;
  /** The caisse the screens work on (chosen in the header), or null when the user has none. */
  caisse: CaisseChoice | null;
  caisses: CaisseChoice[];
  setCaisseId: (id: string) => void;
  hasRole: (...roles: PlatformRole[]) => boolean;
  /** Whether the user may configure this caisse: an admin, or one of its coordinators. */
  canCoordinate: (caisseId: string) => boolean;
  /** Reloads /api/me (after accepting an invitation, a role change…). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

type State = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'ready'; me: Me };

interface SessionContextValue {
  state: State;
  signedIn: (me: Me) => void;
  session: Session | null;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function storedCaisse(): string | null {
  try {
    return localStorage.getItem(CAISSE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [caisseId, setCaisseIdState] = useState<string | null>(storedCaisse);

  const refresh = useCallback(async () => {
    const me = await auth.me();
    setState(me ? { kind: 'ready', me } : { kind: 'anonymous' });
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ kind: 'anonymous' }));
  }, [refresh]);

  const setCaisseId = useCallback((id: string) => {
    setCaisseIdState(id);
    try {
      localStorage.setItem(CAISSE_STORAGE_KEY, id);
    } catch {
      // not persisted: fine
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setState({ kind: 'anonymous' });
    }
  }, []);

  const signedIn = useCallback((me: Me) => setState({ kind: 'ready', me }), []);

  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'ready') return null;
    const { me } = state;
    const caisses = me.caisses;
    const caisse = caisses.find((c) => c.id === caisseId) ?? caisses[0] ?? null;
    return {
      me,
      caisse,
      caisses,
      setCaisseId,
      hasRole: (...roles) => roles.some((r) => me.roles.includes(r)),
      canCoordinate: (id) =>
        me.roles.includes('admin') || caisses.some((c) => c.id === id && c.role === 'coordinator'),
      refresh,
      logout,
    };
  }, [state, caisseId, setCaisseId, refresh, logout]);

  const value = useMemo(() => ({ state, signedIn, session }), [state, signedIn, session]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside <SessionProvider>');
  return ctx;
}

/** The session of a signed-in screen (inside the authenticated layout, never null there). */
export function useSession(): Session {
  const { session } = useSessionContext();
  if (!session) throw new Error('useSession on a screen without a session');
  return session;
}

/** For the login and invitation pages, and the guard. */
export function useSessionState() {
  const { state, signedIn } = useSessionContext();
  return { state, signedIn };
}
