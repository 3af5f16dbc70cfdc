import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useSession } from '../auth/session.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ContactMethodsCard } from './contact-methods-card.tsx';
import { FeedTokensCard } from './feed-tokens-card.tsx';
import { NotificationRulesCard } from './notification-rules-card.tsx';
import type { ContactMethod } from './types.ts';

const BASE = '/users/me';

/** Your own contact methods, notification rules and calendar feed of your shifts. */
export function PagingPage() {
  const { me } = useSession();
  const methods = useFetch<Page<ContactMethod>>(me?.user ? `${BASE}/contact-methods` : null);
  if (!me?.user) {
    return (
      <div className="page">
        <div className="card">
          <EmptyState title="No personal settings for an API token">Log in as a person to set how you are paged.</EmptyState>
        </div>
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader title="How I am paged" subtitle={`Contact methods and rules for ${me.user.name || me.user.email} in ${me.org.name}.`} />
      <div className="grid-2">
        <ContactMethodsCard base={BASE} fetched={methods} />
        <NotificationRulesCard base={BASE} methods={methods.data?.data ?? []} />
      </div>
      <FeedTokensCard base={BASE} intro="Your shifts across every schedule, 30 days back to 90 ahead, in your calendar app." />
    </div>
  );
}
