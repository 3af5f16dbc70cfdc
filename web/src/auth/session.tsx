import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import type { Me } from '../api/types.ts';
import { roleCan, type Permission } from './permissions.ts';

export type SessionStatus = 'loading' | 'setup' | 'login' | 'ready' | 'unreachable';

export interface SetupInput {
  email: string;
  password: string;
  name?: string;
  orgSlug: string;
  orgName: string;
}

interface Session {
  status: SessionStatus;
  me: Me | null;
  can(permission: Permission): boolean;
  login(input: { email: string; password: string; org?: string }): Promise<void>;
  setup(input: SetupInput): Promise<void>;
  logout(): Promise<void>;
  switchOrg(slug: string): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const refresh = useCallback(async () => {
    try {
      const current = await client.get<Me>('/auth/me');
      client.csrfToken = current.csrfToken;
      setMe(current);
      setStatus('ready');
    } catch (err) {
      setMe(null);
      if (!(err instanceof ApiError) || err.status !== 401) return setStatus('unreachable');
      const setup = await client.get<{ needed: boolean }>('/setup').catch(() => ({ needed: false }));
      setStatus(setup.needed ? 'setup' : 'login');
    }
  }, [client]);

  useEffect(() => {
    client.onUnauthorized = () => {
      setMe(null);
      setStatus('login');
    };
    void refresh();
    return () => {
      client.onUnauthorized = null;
    };
  }, [client, refresh]);

  const session = useMemo<Session>(
    () => ({
      status,
      me,
      can: (permission) => roleCan(me?.role, permission),
      refresh,
      async login(input) {
        const res = await client.post<{ csrfToken: string }>('/auth/login', input);
        client.csrfToken = res.csrfToken;
        await refresh();
      },
      async setup(input) {
        const res = await client.post<{ csrfToken: string }>('/setup', input);
        client.csrfToken = res.csrfToken;
        await refresh();
      },
      async logout() {
        await client.post('/auth/logout').catch(() => undefined);
        client.csrfToken = null;
        setMe(null);
        setStatus('login');
      },
      async switchOrg(slug) {
        await client.post('/auth/switch', { org: slug });
        await refresh();
      },
    }),
    [client, me, refresh, status],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the signed-in role may do `permission`; hide controls the API would refuse. */
export const useCan = (permission: Permission) => useSession().can(permission);
