import { useMemo } from 'react';
import { ApiClient } from './api/client.ts';
import { ClientProvider } from './api/client-context.tsx';
import { LiveProvider } from './api/live.tsx';
import { LoginPage } from './auth/login-page.tsx';
import { SessionProvider, useSession } from './auth/session.tsx';
import { SetupPage } from './auth/setup-page.tsx';
import { Loading } from './components/loading.tsx';
import { ToastProvider } from './components/toasts.tsx';
import { AuthCard } from './auth/auth-card.tsx';
import { Shell } from './layout/shell.tsx';
import { AppRoutes } from './routes.tsx';

function Gate() {
  const { status, refresh, me } = useSession();
  switch (status) {
    case 'loading':
      return <Loading label="Loading Custos…" />;
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    case 'unreachable':
      return (
        <AuthCard title="Custos cannot be reached" intro="The server did not answer. It may be restarting.">
          <button type="button" className="btn btn-primary" onClick={() => void refresh()}>
            Try again
          </button>
        </AuthCard>
      );
    default:
      // Keyed by organization: switching remounts the screens and reopens the event stream, which
      // the server binds to the organization of the session when it opens.
      return (
        <LiveProvider key={me?.org.id} enabled>
          <Shell>
            <AppRoutes />
          </Shell>
        </LiveProvider>
      );
  }
}

export function App() {
  const client = useMemo(() => new ApiClient(), []);
  return (
    <ClientProvider client={client}>
      <ToastProvider>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </ToastProvider>
    </ClientProvider>
  );
}
