import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.tsx';
import { Loading } from './loading.tsx';

/** What a list shows before its rows: the load error, a spinner, or its empty state in a card. */
export function ListStates({ what, error, loaded, count, empty }: { what: string; error: unknown; loaded: boolean; count: number; empty: ReactNode }) {
  if (error) return <ErrorBanner error={error} title={`The ${what} could not be loaded.`} />;
  if (!loaded) return <Loading label={`Loading ${what}…`} />;
  if (count === 0) return <div className="card">{empty}</div>;
  return null;
}
