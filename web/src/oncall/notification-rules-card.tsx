import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useChannels } from '../channels/use-channels.ts';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { describeMethod } from './contact-methods-card.tsx';
import { describeDelay } from './use-targets.ts';
import { useSave } from '../api/use-save.ts';
import type { ContactMethod, NotificationRule, RuleUrgency } from './types.ts';

const URGENCY: Record<RuleUrgency, string> = { high: 'High urgency (P0, P1)', low: 'Low urgency', any: 'Any urgency' };

/** When a page reaches you, which methods fire and after how long (chat now, SMS after 2 min, a call after 5). */
export function NotificationRulesCard({ base, methods }: { base: string; methods: ContactMethod[] }) {
  const client = useClient();
  const toast = useToast();
  const { nameOf } = useChannels();
  const fetched = useFetch<Page<NotificationRule>>(`${base}/notification-rules`, undefined, { refreshKey: methods.length });
  const save = useSave();
  const [methodId, setMethodId] = useState('');
  const [delay, setDelay] = useState('0');
  const [urgency, setUrgency] = useState<RuleUrgency>('any');
  const rules = [...(fetched.data?.data ?? [])].sort((a, b) => a.urgency.localeCompare(b.urgency) || a.delayMinutes - b.delayMinutes);
  const methodOf = (id: string) => methods.find((m) => m.id === id);

  const add = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      await client.post(`${base}/notification-rules`, { contactMethodId: methodId || methods[0]?.id, delayMinutes: Number(delay), urgency });
      fetched.reload();
    });
  };
  const remove = async (r: NotificationRule) => {
    try {
      await client.delete(`${base}/notification-rules/${r.id}`);
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  return (
    <section className="card stack" aria-labelledby="rules-title">
      <h2 id="rules-title">Notification rules</h2>
      <p className="small muted" style={{ margin: 0 }}>
        With no rules, a page reaches you on every method at once. With rules, only those for the page's urgency fire.
      </p>
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {rules.length > 0 && (
        <ul className="event-list">
          {rules.map((r) => {
            const m = methodOf(r.contactMethodId);
            return (
              <li key={r.id} className="item-row">
                <span>
                  <span className="tag">{r.urgency}</span> {describeDelay(r.delayMinutes)} → {m ? describeMethod(m, nameOf) : 'a removed method'}
                </span>
                <Button size="sm" variant="ghost" onClick={() => void remove(r)} aria-label="Remove rule">
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {methods.length === 0 ? (
        <p className="small muted" style={{ margin: 0 }}>Add a contact method first.</p>
      ) : (
        <form className="inline-form" onSubmit={add} noValidate aria-label="Add a notification rule">
          {save.error !== null && !['contactMethodId', 'delayMinutes', 'urgency'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not added." />}
          <SelectField label="Urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as RuleUrgency)} options={(['any', 'high', 'low'] as const).map((u) => ({ value: u, label: URGENCY[u] }))} />
          <TextField label="After (minutes)" type="number" min={0} max={1440} value={delay} onChange={(e) => setDelay(e.target.value)} error={save.errors('delayMinutes')} />
          <SelectField label="Notify by" value={methodId || methods[0]!.id} onChange={(e) => setMethodId(e.target.value)} error={save.errors('contactMethodId')} options={methods.map((m) => ({ value: m.id, label: describeMethod(m, nameOf) }))} />
          <Button type="submit" busy={save.busy}>
            Add rule
          </Button>
        </form>
      )}
    </section>
  );
}
