import { useMemo } from 'react';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import type { Channel } from './types.ts';

/** The organization's channels, and a name for a channel id (routes and receipts name channels by id). */
export function useChannels() {
  const fetched = useFetch<Page<Channel>>('/channels', { limit: 500 });
  const channels = useMemo(() => fetched.data?.data ?? [], [fetched.data]);
  const byId = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return { channels, byId, nameOf, loaded: fetched.data !== undefined, error: fetched.error, reload: fetched.reload };
}
