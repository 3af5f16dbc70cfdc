import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SecretOnce } from '../components/secret-once.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import type { CreatedFeedToken, FeedToken } from './types.ts';

/** Token-protected iCal feed links (`base` is `/schedules/:id` or `/users/me`); the link is shown once. */
export function FeedTokensCard({ base, intro }: { base: string; intro: string }) {
  const client = useClient();
  const toast = useToast();
  const fetched = useFetch<Page<FeedToken>>(`${base}/feed-tokens`);
  const [created, setCreated] = useState<CreatedFeedToken | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      setCreated(await client.post<CreatedFeedToken>(`${base}/feed-tokens`));
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (t: FeedToken) => {
    try {
      await client.delete(`${base}/feed-tokens/${t.id}`);
      toast.info('Feed link revoked: calendars using it stop updating');
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const active = (fetched.data?.data ?? []).filter((t) => !t.revokedAt);
  return (
    <section className="card stack" aria-labelledby={`feeds-${base}`}>
      <div className="card-header">
        <h2 id={`feeds-${base}`}>Calendar feed (iCal)</h2>
        <Button size="sm" onClick={() => void create()} busy={busy}>
          New feed link
        </Button>
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        {intro}
      </p>
      {created && (
        <SecretOnce title="Subscribe with this link" secrets={[{ label: 'iCal URL', value: created.url ?? `${location.origin}${created.path}`, hint: 'Paste it into Google Calendar, Outlook or Apple Calendar as a calendar subscription.' }]} onDone={() => setCreated(null)} />
      )}
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {fetched.data && active.length === 0 && !created && <p className="small muted" style={{ margin: 0 }}>No active links.</p>}
      {active.length > 0 && (
        <ul className="event-list">
          {active.map((t) => (
            <li key={t.id} className="item-row">
              <span>
                <code>{t.prefix}…</code>{' '}
                <span className="small muted">
                  made <Time value={t.createdAt} />
                </span>
              </span>
              <ConfirmButton size="sm" title="Revoke this feed link?" message="Calendars subscribed with it get nothing more." confirmLabel="Revoke" onConfirm={() => revoke(t)}>
                Revoke
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
