import { useState, type FormEvent } from 'react';
import { isMissingRoute } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField } from '../components/field.tsx';
import { Loading } from '../components/loading.tsx';
import { Time } from '../components/time.tsx';
import { useChannels } from '../channels/use-channels.ts';
import { useMembers } from '../oncall/use-members.ts';
import { describeEvent, eventState } from './describe-event.ts';
import type { TimelineEvent } from './types.ts';

function CommentForm({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const client = useClient();
  const save = useSave();
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      await client.post(`/incidents/${incidentId}/comments`, { body });
      setBody('');
      onAdded();
    });
  };
  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      {save.error !== null && !save.errors('body') && <ErrorBanner error={save.error} title="Not added." />}
      <TextAreaField label="Add to the timeline" rows={2} value={body} onChange={(e) => setBody(e.target.value)} error={save.errors('body')} placeholder="Rolled back the 14:02 deploy; error rate falling." />
      <Button type="submit" size="sm" busy={save.busy} disabled={!body.trim()}>
        Comment
      </Button>
    </form>
  );
}

/** Every event of the incident with its actor, oldest first; responders add comments. */
export function TimelineCard({ incidentId, closed, refreshKey, onChange }: { incidentId: string; closed: boolean; refreshKey: unknown; onChange: () => void }) {
  const canRespond = useCan('respond');
  const fetched = useFetch<{ data: TimelineEvent[] }>(`/incidents/${incidentId}/timeline`, undefined, { refreshKey });
  const events = fetched.data?.data ?? [];
  const members = useMembers();
  const { nameOf } = useChannels();
  const names = { user: members.nameOf, channel: nameOf };
  return (
    <section className="card stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {fetched.error && (isMissingRoute(fetched.error) ? <p className="muted small">This server does not serve incident timelines yet.</p> : <ErrorBanner error={fetched.error} />)}
      {!fetched.data && !fetched.error && <Loading label="Loading the timeline…" />}
      {events.length > 0 && (
        <ol className="timeline incident-timeline">
          {events.map((e) => {
            const { title, detail } = describeEvent(e, names);
            return (
              <li key={e.id} data-state={eventState(e.kind)}>
                <span className="row" style={{ gap: '0.4rem' }}>
                  <strong>{title}</strong>
                  <span className="small muted">
                    <Time value={e.at} absolute /> · {e.actor.display}
                  </span>
                </span>
                {detail && <span className="small pre-line">{detail}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {canRespond && !closed && !(fetched.error && isMissingRoute(fetched.error)) && <CommentForm incidentId={incidentId} onAdded={onChange} />}
    </section>
  );
}
