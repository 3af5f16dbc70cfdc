import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextAreaField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import type { IncidentDetail } from './types.ts';

const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'].map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) }));
const IMPACTS = ['minor', 'major', 'critical', 'none'].map((s) => ({ value: s, label: `${s.charAt(0).toUpperCase() + s.slice(1)} impact` }));

/** The public status-page notice for the incident: link one with a first update, then post updates to it. */
export function StatusPageCard({ incident, onChange }: { incident: IncidentDetail; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const linked = incident.statusPageIncidents;
  const pages = useFetch<{ data: Array<{ id: string; title: string; path: string }> }>(canWrite && linked.length === 0 ? '/status-pages' : null);
  const save = useSave();
  const [pageId, setPageId] = useState('');
  const [impact, setImpact] = useState('minor');
  const [status, setStatus] = useState(linked.length ? 'identified' : 'investigating');
  const [message, setMessage] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      if (linked.length === 0) await client.post(`/incidents/${incident.id}/status-page`, { pageId: pageId || pages.data?.data[0]?.id, impact, status, message });
      else await client.post(`/incidents/${incident.id}/status-page/updates`, { status, message });
      setMessage('');
      toast.info('Posted to the status page');
      onChange();
    });
  };
  const choices = pages.data?.data ?? [];
  if (!canWrite && linked.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="status-page-title">
      <h2 id="status-page-title">Status page</h2>
      {linked.length === 0 && <p className="small muted" style={{ margin: 0 }}>Not shown publicly.</p>}
      {linked.map((s) => (
        <p key={s.id} className="small" style={{ margin: 0 }}>
          <strong>{s.title}</strong> · {s.status} · impact {s.impact}
        </p>
      ))}
      {canWrite && incident.status !== 'closed' && (linked.length > 0 || choices.length > 0) && (
        <form className="stack" style={{ gap: '0.5rem' }} onSubmit={submit} noValidate>
          {save.error !== null && !save.errors('message') && <ErrorBanner error={save.error} title="Not posted." />}
          {linked.length === 0 && <SelectField label="Page" value={pageId} onChange={(e) => setPageId(e.target.value)} options={choices.map((p) => ({ value: p.id, label: p.title }))} />}
          <div className="form-grid">
            <SelectField label="Public status" value={status} onChange={(e) => setStatus(e.target.value)} options={STATUSES} />
            {linked.length === 0 && <SelectField label="Impact" value={impact} onChange={(e) => setImpact(e.target.value)} options={IMPACTS} />}
          </div>
          <TextAreaField label="Public message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} error={save.errors('message')} placeholder="We are investigating failed card payments." />
          <Button type="submit" size="sm" busy={save.busy} disabled={!message.trim()} style={{ alignSelf: 'flex-start' }}>
            {linked.length === 0 ? 'Publish on the status page' : 'Post update'}
          </Button>
        </form>
      )}
    </section>
  );
}
