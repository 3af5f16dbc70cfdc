import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { useChannels } from '../channels/use-channels.ts';
import { useEscalationPolicies } from '../oncall/escalation-policy-field.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Segmented } from '../components/segmented.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { cleanDocument, moveAt, updateAt } from './document.ts';
import { InhibitRulesEditor } from './inhibit-rules-editor.tsx';
import { JsonEditor } from './json-editor.tsx';
import { RouteEditor, type TreeActions } from './route-editor.tsx';
import { RouteTestPanel } from './route-test-panel.tsx';
import { RouteView } from './route-view.tsx';
import type { RoutingDocument, RoutingState } from './types.ts';

/** The routing document: edited as a tree or as JSON, saved with If-Match, tried out with the test tool. */
export function RoutesPage() {
  const client = useClient();
  const toast = useToast();
  const canAdmin = useCan('admin');
  const fetched = useFetch<RoutingState>('/routes');
  const { channels, nameOf } = useChannels();
  const policies = useEscalationPolicies();
  const [doc, setDoc] = useState<RoutingDocument | null>(null);
  const [mode, setMode] = useState<'tree' | 'json'>('tree');
  const [jsonValid, setJsonValid] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // Remounts the JSON editor when the document is replaced from outside (discard, reload, save).
  const [editorKey, setEditorKey] = useState(0);

  const saved = fetched.data;
  if (saved && doc === null) setDoc(saved.document);
  if (!saved || !doc) return <div className="page">{fetched.error ? <ErrorBanner error={fetched.error} title="The routes could not be loaded." /> : <Loading label="Loading routes…" />}</div>;

  const cleaned = cleanDocument(doc);
  // JSON is sent as typed, so the server names a mistyped field instead of the editor dropping it.
  const body = mode === 'json' ? doc : cleaned;
  const dirty = JSON.stringify(body) !== JSON.stringify(mode === 'json' ? saved.document : cleanDocument(saved.document));
  const errors = fieldErrors(error);
  const issues = error instanceof ApiError ? error.issues : [];
  const actions: TreeActions = { update: (path, update) => setDoc((d) => d && updateAt(d, path, update)), move: (path, by) => setDoc((d) => d && moveAt(d, path, by)) };

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      const next = await client.put<RoutingState>('/routes', body, { headers: { 'if-match': `"${version}"` } });
      fetched.setData(() => next);
      setDoc(next.document);
      setEditorKey((k) => k + 1);
      setConflict(null);
      toast.info(`Saved version ${next.version}; firing alerts are routed again.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(Number(err.details?.currentVersion ?? version + 1));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const discard = () => {
    setDoc(saved.document);
    setJsonValid(true);
    setError(null);
    setEditorKey((k) => k + 1);
  };
  const reload = () => {
    setDoc(null);
    setJsonValid(true);
    setEditorKey((k) => k + 1);
    setConflict(null);
    setError(null);
    fetched.reload();
    fetched.setData(() => undefined);
  };

  return (
    <div className="page">
      <PageHeader
        title="Routes"
        subtitle={
          <>
            Which alerts go to which channels, grouped how and how often.{' '}
            {saved.version === 0 ? 'Not saved yet: the defaults apply.' : <>Version {saved.version}, saved by {saved.updatedBy} <Time value={saved.updatedAt} />.</>}
          </>
        }
        actions={
          canAdmin && (
            <>
              {dirty && <Button onClick={discard}>Discard changes</Button>}
              <Button variant="primary" busy={busy} disabled={!dirty || !jsonValid} onClick={() => void save(saved.version)}>
                Save routes
              </Button>
            </>
          )
        }
      />
      {conflict !== null && (
        <div className="banner warn" role="alert">
          <div className="stack" style={{ gap: '0.5rem' }}>
            <span>
              <strong>Someone else saved the routes</strong> (now version {conflict}) while you were editing. Reload to see theirs (your changes are dropped), or save yours over it.
            </span>
            <div className="form-actions">
              <Button size="sm" variant="primary" onClick={reload}>
                Reload saved routes
              </Button>
              <Button size="sm" onClick={() => void save(conflict)}>
                Save mine over version {conflict}
              </Button>
            </div>
          </div>
        </div>
      )}
      {error !== null && issues.length === 0 && <ErrorBanner error={error} title="Not saved." />}
      {issues.length > 0 && mode === 'tree' && <ErrorBanner error={new Error(`${issues.length} problem${issues.length === 1 ? '' : 's'}, marked below: ${issues.map((i) => i.path).join(', ')}`)} title="Not saved." />}
      {!canAdmin && <p className="banner info" style={{ margin: 0 }}>Only admins change routes; you can read them and use the test tool.</p>}
      <div className="routes-layout">
        <div className="stack">
          <Segmented
            label="Editor"
            value={mode}
            onChange={(m) => {
              if (m === 'tree' && !jsonValid) return toast.error('Fix the JSON first: the tree needs a valid document.');
              if (m === 'json') setDoc(cleaned);
              setMode(m);
            }}
            options={[
              { value: 'tree', label: 'Tree' },
              { value: 'json', label: 'JSON' },
            ]}
          />
          {mode === 'tree' ? (
            <>
              {canAdmin ? <RouteEditor route={doc} path="" actions={actions} channels={channels} policies={policies} errors={errors} readOnly={false} /> : <RouteView route={doc} path="" nameOf={nameOf} />}
              <InhibitRulesEditor rules={doc.inhibit_rules ?? []} onChange={(inhibit_rules) => setDoc({ ...doc, inhibit_rules })} errors={errors} readOnly={!canAdmin} />
            </>
          ) : (
            <JsonEditor
              key={editorKey}
              initial={cleaned}
              issues={issues}
              readOnly={!canAdmin}
              onChange={(next) => {
                setJsonValid(next !== null);
                if (next) setDoc(next);
              }}
            />
          )}
        </div>
        <RouteTestPanel draft={dirty ? body : null} nameOf={nameOf} />
      </div>
    </div>
  );
}
