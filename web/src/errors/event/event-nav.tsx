import { useEffect } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../../api/use-cursor-list.ts';
import type { EventSummary } from '../types.ts';

const PAGE = 100;

function NavLink({ to, label }: { to: string | undefined; label: string }) {
  return to ? (
    <Link href={to} className="btn btn-sm">
      {label}
    </Link>
  ) : (
    <span className="btn btn-sm" aria-disabled="true">
      {label}
    </span>
  );
}

/** Older / newer / latest, from the issue's events (newest first), fetching further pages as needed. */
export function EventNav({ issueId, eventId, total }: { issueId: string; eventId: string | undefined; total: number }) {
  const events = useCursorList<EventSummary>(`/issues/${issueId}/events`, { limit: PAGE });
  const { items, hasMore, loading, loadMore } = events;
  const at = eventId ? items.findIndex((e) => e.eventId === eventId) : 0;
  const needMore = hasMore && !loading && (at === -1 || at === items.length - 1);
  useEffect(() => {
    if (needMore) loadMore();
  }, [needMore, loadMore]);
  const href = (e: EventSummary | undefined) => (e ? `/errors/issues/${issueId}?event=${e.eventId}` : undefined);
  const newer = at > 0 ? href(items[at - 1]) : undefined;
  const older = at >= 0 ? href(items[at + 1]) : undefined;
  return (
    <nav className="row event-nav" aria-label="Events">
      <NavLink to={at > 0 ? `/errors/issues/${issueId}` : undefined} label="Latest" />
      <NavLink to={newer} label="← Newer" />
      <NavLink to={older} label="Older →" />
      <span className="small muted">{at >= 0 && events.loaded ? `event ${(at + 1).toLocaleString()} of ${total.toLocaleString()}` : ''}</span>
    </nav>
  );
}
