import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useSession } from '../auth/session.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ContactMethodsCard } from './contact-methods-card.tsx';
import { FeedTokensCard } from './feed-tokens-card.tsx';
import { NotificationRulesCard } from './notification-rules-card.tsx';
import { useMembers } from './use-members.ts';
import type { ContactMethod } from './types.ts';

/** Contact methods, notification rules and (your own) calendar feed: yours, or a member's for an admin. */
export function PagingPage({ userId }: { userId?: string }) {
  const { me } = useSession();
  const members = useMembers();
  const base = userId ? `/members/${userId}` : '/users/me';
  const methods = useFetch<Page<ContactMethod>>(userId || me?.user ? `${base}/contact-methods` : null);
  if (!userId && !me?.user) {
    return (
      <div className="page">
        <div className="card">
          <EmptyState title="No personal settings for an API token">Log in as a person to set how you are paged.</EmptyState>
        </div>
      </div>
    );
  }
  const who = userId ? members.nameOf(userId) : (me?.user?.name || me?.user?.email);
  return (
    <div className="page">
      <PageHeader title={userId ? `How ${who} is paged` : 'How I am paged'} documentTitle="Paging" subtitle={`Contact methods and rules for ${who} in ${me?.org.name ?? 'this organization'}.`} />
      <div className="grid-2">
        <ContactMethodsCard base={base} fetched={methods} />
        <NotificationRulesCard base={base} methods={methods.data?.data ?? []} />
      </div>
      {!userId && <FeedTokensCard base={base} intro="Your shifts across every schedule, 30 days back to 90 ahead, in your calendar app." />}
    </div>
  );
}
