import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onAuthProblem, setCsrfToken } from './client';
import type { Me } from './types';

/** Where the session stands: still asking the server, signed out, or signed in. */
export type SessionState = { status: 'loading' } | { status: 'anonymous'; expired?: boolean } | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  /** Signs in; throws {@link ApiError} with the server's message (wrong password, lockout …). */
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Reloads `GET /api/auth/me` (after a password change, a role change …). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Holds the signed-in user; reacts to a lost session (401) and to a forced password change. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.get<Me>('/api/auth/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      } else throw e;
    }
  }, [signedIn]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
    return onAuthProblem((p) => {
      if (p === 'unauthenticated') {
        setCsrfToken(null);
        setState({ status: 'anonymous', expired: true });
      } else {
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', me: { ...s.me, mustChangePassword: true } } : s));
      }
    });
  }, [refresh]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async login(username, password) {
        const me = await api.post<Me>('/api/auth/login', { username, password });
        signedIn(me);
        return me;
      },
      async logout() {
        try {
          await api.post('/api/auth/logout');
        } finally {
          setCsrfToken(null);
          setState({ status: 'anonymous' });
        }
      },
    }),
    [state, refresh, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session API (state, login, logout, refresh). */
export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionProvider>');
  return s;
}

/** The signed-in user; only inside pages behind the login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}

/** Whether the signed-in user holds a permission (as the server listed it; the server still checks). */
export function useCan(): (permission?: string) => boolean {
  const me = useMe();
  return useMemo(() => {
    const set = new Set(me.permissions);
    return (permission?: string) => !permission || set.has(permission);
  }, [me.permissions]);
}
