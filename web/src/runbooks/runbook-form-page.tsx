import { useDeferredValue, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useFetch } from '../api/use-fetch.ts';
import { useSave } from '../api/use-save.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { labelsToText, textToLabels } from '../components/labels.tsx';
import { Loading } from '../components/loading.tsx';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Segmented } from '../components/segmented.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { renderMarkdown } from './markdown.ts';
import { MarkdownView } from './markdown-view.tsx';
import type { Runbook } from './types.ts';

const TEMPLATE = '## Symptoms\n\n- \n\n## Check\n\n1. \n\n## Fix\n\n1. \n\n## Escalate\n\nIf this does not help within 15 minutes, page the team lead.\n';
const slugify = (s: string) => s.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-').replaceAll(/^-|-$/g, '').slice(0, 64);

function RunbookForm({ runbook }: { runbook?: Runbook }) {
  const client = useClient();
  const [, navigate] = useLocation();
  const save = useSave();
  const [title, setTitle] = useState(runbook?.title ?? '');
  const [slug, setSlug] = useState(runbook?.slug ?? '');
  const [match, setMatch] = useState(runbook ? labelsToText(runbook.match) : '');
  const [body, setBody] = useState(runbook?.body ?? TEMPLATE);
  const [note, setNote] = useState('');
  const [pane, setPane] = useState<'write' | 'preview'>('write');
  const preview = useDeferredValue(body);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const common = { title, match: textToLabels(match), body, ...(note.trim() ? { note: note.trim() } : {}) };
      const saved = runbook ? await client.patch<Runbook>(`/runbooks/${runbook.id}`, { ...common, baseVersion: runbook.version }) : await client.post<Runbook>('/runbooks', { ...common, slug: slug || slugify(title) });
      navigate(`/runbooks/${saved.id}`);
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error !== null && !['title', 'slug', 'match', 'body', 'note'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not saved." />}
      <div className="form-grid">
        <TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} error={save.errors('title')} placeholder="Payments API returns 5xx" autoFocus={!runbook} />
        {runbook ? <TextField label="Slug" value={runbook.slug} disabled hint="The slug of a runbook cannot change." /> : <TextField label="Slug" value={slug} onChange={(e) => setSlug(e.target.value)} placeholder={slugify(title) || 'payments-5xx'} error={save.errors('slug')} hint="Lowercase letters, digits and hyphens." />}
        <TextAreaField className="wide" label="Applies to (labels)" rows={2} value={match} onChange={(e) => setMatch(e.target.value)} error={save.errors('match')} placeholder={'service=payments\ndomain=bank'} hint="One key=value per line; incidents and alerts with all of them link here. monitor= matches a monitor id or name." />
      </div>
      <Segmented label="Editor pane" value={pane} onChange={setPane} options={[{ value: 'write', label: 'Write' }, { value: 'preview', label: 'Preview' }]} />
      <div className="markdown-editor" data-pane={pane}>
        <TextAreaField label="Markdown" className="md-source" rows={22} value={body} onChange={(e) => setBody(e.target.value)} error={save.errors('body')} spellCheck />
        <section className="md-preview" aria-label="Preview">
          <span className="field-label">Preview</span>
          <MarkdownView html={renderMarkdown(preview)} />
        </section>
      </div>
      <TextField label="What changed (kept with the version)" value={note} onChange={(e) => setNote(e.target.value)} error={save.errors('note')} placeholder={runbook ? 'Added the failover step' : 'First version'} />
      <SubmitCancel label={runbook ? `Save as v${runbook.version + 1}` : 'Create runbook'} busy={save.busy} cancelHref={runbook ? `/runbooks/${runbook.id}` : '/runbooks'} />
    </form>
  );
}

export function NewRunbookPage() {
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/runbooks', label: 'Runbooks' }]} current="New" />
      <PageHeader title="New runbook" />
      <RunbookForm />
    </div>
  );
}

export function EditRunbookPage({ id }: { id: string }) {
  const fetched = useFetch<Runbook>(`/runbooks/${id}`);
  return (
    <div className="page">
      <Breadcrumb trail={[{ href: '/runbooks', label: 'Runbooks' }, { href: `/runbooks/${id}`, label: fetched.data?.title }]} current="Edit" />
      <PageHeader title={fetched.data ? `Edit ${fetched.data.title}` : 'Edit runbook'} subtitle="Saving makes a new version; older ones stay readable and restorable." />
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {!fetched.data && !fetched.error && <Loading />}
      {fetched.data && <RunbookForm key={fetched.data.version} runbook={fetched.data} />}
    </div>
  );
}
