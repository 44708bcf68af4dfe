import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { consoleHeaders, rememberCsrfToken } from './api/client';
import { operationRoles, type Operation } from './api/permissions';

export interface Session {
  username: string;
  name?: string;
  email?: string;
  organization: string;
  roles: string[];
  csrfToken: string;
}

type State = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; session: Session };

const Context = createContext<Session | null>(null);

/** Asks the gateway who is signed in (the session cookie is HttpOnly: the page never sees a token). */
export function useSessionState(): State {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    fetch('/session', { headers: { ...consoleHeaders(), Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return setState({ kind: 'signed-out' });
        const session = (await response.json()) as Session;
        rememberCsrfToken(session.csrfToken);
        setState({ kind: 'signed-in', session });
      })
      .catch(() => setState({ kind: 'signed-out' }));
  }, []);
  return state;
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <Context.Provider value={session}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the API would let the signed-in user perform this operation (roles from the OpenAPI document). */
export function useCan(): (operation: Operation) => boolean {
  const session = useSession();
  return (operation) => {
    const roles = operationRoles[operation] as readonly string[];
    return roles.length === 0 || roles.some((role) => session.roles.includes(role));
  };
}
