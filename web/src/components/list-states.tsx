import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.tsx';
import { Loading } from './loading.tsx';

interface ListStatesProps {
  /** Names the list in the error's title and the spinner ("runbooks"); without it both stay generic. */
  what?: string;
  error: unknown;
  loaded: boolean;
  count: number;
  /** Shown when the list is empty; nothing when it is null or false. */
  empty: ReactNode;
  /** Inside a card already: the empty state is not put in a card of its own. */
  bare?: boolean;
}

/** What a list shows before its rows: the load error, a spinner, or its empty state. */
export function ListStates({ what, error, loaded, count, empty, bare = false }: ListStatesProps) {
  if (error) return <ErrorBanner error={error} title={what && `The ${what} could not be loaded.`} />;
  if (!loaded) return <Loading label={what && `Loading ${what}…`} />;
  if (count === 0 && empty) return bare ? empty : <div className="card">{empty}</div>;
  return null;
}
