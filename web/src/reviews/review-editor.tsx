import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { ActionItems } from './action-items.tsx';
import { TimelineEditor } from './timeline-editor.tsx';
import type { Review, ReviewSections } from './types.ts';

const SECTIONS = ['summary', 'impact', 'contributingFactors', 'timeline'];

/** The template's sections (summary, impact, timeline, contributing factors) and action items; filing makes it final. */
export function ReviewEditor({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const editable = canRespond && review.status === 'draft';
  const save = useSave();
  const [draft, setDraft] = useState<ReviewSections>({ summary: review.summary, impact: review.impact, timeline: review.timeline, contributingFactors: review.contributingFactors });
  const set = (change: Partial<ReviewSections>) => setDraft((d) => ({ ...d, ...change }));
  const reload = async () => onChange(await client.get<Review>(`/reviews/${review.id}`));

  const saveDraft = (file: boolean) =>
    save.run(async () => {
      const saved = await client.patch<Review>(`/reviews/${review.id}`, draft);
      if (!file) {
        onChange(saved);
        return toast.info('Draft saved');
      }
      onChange(await client.post<Review>(`/reviews/${review.id}/file`));
      toast.info('Review filed: the incident can close now.');
    });
  const text = (key: 'summary' | 'impact' | 'contributingFactors', label: string, hint: string) => (
    <TextAreaField label={label} rows={4} value={draft[key]} readOnly={!editable} onChange={(e) => set({ [key]: e.target.value })} error={save.errors(key)} hint={editable ? hint : undefined} />
  );
  return (
    <div className="stack">
      {review.status === 'filed' && (
        <div className="banner ok" role="status">
          Review filed by {review.filedBy}. Action items stay open until someone ticks them off.
        </div>
      )}
      {save.error !== null && !SECTIONS.some((s) => save.errors(s)) && <ErrorBanner error={save.error} title="Not saved." />}
      <section className="card stack" aria-label="Review sections">
        {text('summary', 'Summary', 'What happened, in two or three sentences.')}
        {text('impact', 'Impact', 'Who was affected, how, and for how long.')}
        <div className="field">
          <span className="field-label">Timeline</span>
          <TimelineEditor value={draft.timeline} onChange={(timeline) => set({ timeline })} editable={editable} />
        </div>
        {text('contributingFactors', 'Contributing factors', 'What made it possible or worse; no blame, just causes.')}
      </section>
      <section className="card stack" aria-labelledby="action-items-title">
        <h2 id="action-items-title">Action items</h2>
        <ActionItems review={review} editable={canRespond} onChange={() => void reload()} />
      </section>
      {editable && (
        <div className="form-actions">
          <Button variant="primary" busy={save.busy} onClick={() => void saveDraft(true)}>
            File the review
          </Button>
          <Button busy={save.busy} onClick={() => void saveDraft(false)}>
            Save draft
          </Button>
        </div>
      )}
    </div>
  );
}
