import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useClient } from '../api/client-context.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { CheckboxField, TextAreaField } from '../components/field.tsx';
import { textToLabels } from '../components/labels.tsx';
import { Time } from '../components/time.tsx';
import { routeName } from './document.ts';
import type { RouteTestResult, RoutingDocument } from './types.ts';

interface Props {
  /** The unsaved document, when there are changes to try before saving. */
  draft: RoutingDocument | null;
  nameOf: (channelId: string) => string;
}

/** Example labels in, and out: the routes, receivers and group key they hit, and what would mute them now. */
export function RouteTestPanel({ draft, nameOf }: Props) {
  const client = useClient();
  const [labels, setLabels] = useState('alertname=MonitorDown\nseverity=critical\nteam=db');
  const [useDraft, setUseDraft] = useState(true);
  const [result, setResult] = useState<RouteTestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await client.post<RouteTestResult>('/routes/test', { labels: textToLabels(labels), ...(draft && useDraft ? { document: draft } : {}) }));
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <section className="card stack route-test" aria-labelledby="route-test">
      <h2 id="route-test">Test the routes</h2>
      <form className="stack" style={{ gap: '0.6rem' }} onSubmit={(e) => void run(e)}>
        <TextAreaField label="Alert labels" rows={4} value={labels} onChange={(e) => setLabels(e.target.value)} hint="One key=value per line, as an alert would carry them." spellCheck={false} />
        {draft && <CheckboxField label="Use my unsaved changes" checked={useDraft} onChange={(e) => setUseDraft(e.target.checked)} />}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Run test
          </Button>
        </div>
      </form>
      {error !== null && <ErrorBanner error={issues.length ? new Error(issues.map((i) => `${i.path.replace(/^document\.?/, '') || 'document'}: ${i.message}`).join('; ')) : error} title="Not tested." />}
      {result && (
        <div className="stack" style={{ gap: '0.6rem' }} aria-live="polite" aria-label="Test result">
          <p className={`banner ${result.muted ? 'warn' : 'ok'}`} style={{ margin: 0 }}>
            {result.muted ? 'Muted now: a silence or an inhibition would hold this notification back.' : `Notifies through ${result.routes.length} route${result.routes.length === 1 ? '' : 's'}.`}{' '}
            <span className="small">{result.version === null ? 'Tested against your unsaved changes.' : `Tested against saved version ${result.version}.`}</span>
          </p>
          {result.routes.map((r) => (
            <article key={r.routeId} className="match">
              <h3>
                {routeName(r.path)} {r.continue && <span className="tag">continue</span>}
              </h3>
              <dl className="kv">
                <dt>Receivers</dt>
                <dd>{r.receivers.length ? r.receivers.map(nameOf).join(', ') : <span className="error-text">none: nobody is notified</span>}</dd>
                <dt>Group key</dt>
                <dd>
                  <code>{r.groupKey}</code>
                </dd>
                <dt>Grouping</dt>
                <dd>
                  by {r.groupBy.length ? r.groupBy.join(', ') : 'nothing'} · wait {r.groupWait} · interval {r.groupInterval} · repeat {r.repeatInterval}
                </dd>
                {r.escalationPolicy && (
                  <>
                    <dt>Escalation</dt>
                    <dd>{r.escalationPolicy}</dd>
                  </>
                )}
              </dl>
            </article>
          ))}
          {result.silencedBy.map((s) => (
            <p key={s.id} className="small" style={{ margin: 0 }}>
              Silenced by <Link href={`/silences?highlight=${s.id}`}>{s.matchers.join(', ')}</Link> until <Time value={s.endsAt} absolute /> ({s.comment}, {s.createdBy})
            </p>
          ))}
          {result.inhibitedBy.map((i) => (
            <p key={i.rule} className="small" style={{ margin: 0 }}>
              Inhibited by rule <code>{i.rule}</code>:{' '}
              {i.alerts.map((a) => (
                <Link key={a.id} href={`/alerts/${a.id}`}>
                  {a.dedupKey}{' '}
                </Link>
              ))}
            </p>
          ))}
          {!result.silencedBy.length && !result.inhibitedBy.length && <p className="small muted" style={{ margin: 0 }}>No silence or inhibition applies now.</p>}
        </div>
      )}
    </section>
  );
}
