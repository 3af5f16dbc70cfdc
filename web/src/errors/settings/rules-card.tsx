import { useState } from 'react';
import { Link } from 'wouter';
import { useClient } from '../../api/client-context.tsx';
import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { useCan } from '../../auth/session.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';
import { SeverityBadge } from '../../components/severity-badge.tsx';
import { splitSeconds } from '../../components/duration-field.tsx';
import { useToast } from '../../components/toasts.tsx';
import type { AlertRule } from '../types.ts';
import { RULE_KINDS, RuleForm } from './rule-form.tsx';

const UNIT_NAMES: Record<number, string> = { 1: 'second', 60: 'minute', 3600: 'hour', 86_400: 'day' };
function every(seconds: number): string {
  if (seconds === 0) return 'every event';
  const { amount, unit } = splitSeconds(seconds);
  return `at most once per ${amount === '1' ? '' : `${amount} `}${UNIT_NAMES[unit]}${amount === '1' ? '' : 's'} per issue`;
}

function describe(rule: AlertRule): string {
  const s = rule.settings;
  switch (rule.kind) {
    case 'frequency':
      return `more than ${String(s.threshold)} events in ${String(s.windowMinutes)} min`;
    case 'level':
      return `an event at ${String(s.level)} or above`;
    case 'tag':
      return `tag ${String(s.key)}${s.value ? `=${String(s.value)}` : ''}${s.severityByValue ? ` (severity by value: ${Object.entries(s.severityByValue as Record<string, string>).map(([k, v]) => `${k}→${v}`).join(', ')})` : ''}`;
    default:
      return RULE_KINDS.find((k) => k.value === rule.kind)?.label.toLowerCase() ?? rule.kind;
  }
}

function RuleItem({ rule: r, canWrite, onEdit, onToggle, onDelete }: { rule: AlertRule; canWrite: boolean; onEdit: () => void; onToggle: () => void; onDelete: () => Promise<void> }) {
  return (
    <li>
      <span className="row">
        <strong>{r.name}</strong>
        <SeverityBadge severity={r.severity} />
        {!r.enabled && <span className="badge" data-state="paused">Disabled</span>}
        {canWrite && (
          <span className="row" style={{ marginLeft: 'auto' }}>
            <Button size="sm" variant="ghost" onClick={onEdit}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={onToggle}>
              {r.enabled ? 'Disable' : 'Enable'}
            </Button>
            <ConfirmButton size="sm" title={`Delete ${r.name}?`} confirmLabel="Delete rule" onConfirm={onDelete} message={<p>Alerts it already raised stay until their issues are resolved.</p>}>
              Delete
            </ConfirmButton>
          </span>
        )}
      </span>
      <span className="small muted">
        When {describe(r)} · {every(r.actionIntervalSeconds)}
      </span>
    </li>
  );
}

/** Rules that raise alerts (routed, silenced and notified like any other) from the project's issues. */
export function RulesCard({ projectId }: { projectId: string }) {
  const client = useClient();
  const toast = useToast();
  const canWrite = useCan('write');
  const rules = useFetch<Page<AlertRule>>(`/projects/${projectId}/alert-rules`);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const run = async (request: () => Promise<unknown>) => {
    try {
      await request();
      rules.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const items = rules.data?.data ?? [];
  return (
    <section className="card stack" aria-labelledby="alert-rules">
      <div className="card-header" style={{ marginBottom: 0 }}>
        <h2 id="alert-rules">Alert rules</h2>
        {canWrite && !adding && (
          <Button size="sm" onClick={() => setAdding(true)}>
            New rule
          </Button>
        )}
      </div>
      {adding && (
        <RuleForm
          projectId={projectId}
          onDone={(created) => {
            setAdding(false);
            if (created) rules.reload();
          }}
        />
      )}
      {rules.error && <ErrorBanner error={rules.error} title="The rules could not be loaded." />}
      {!rules.data && !rules.error && <Loading label="Loading rules…" />}
      {rules.data && items.length === 0 && !adding && <p className="muted">No rules: issues are recorded, but nobody is alerted.</p>}
      {items.length > 0 && (
        <ul className="event-list">
          {items.map((r) =>
            editing === r.id ? (
              <li key={r.id}>
                <RuleForm
                  projectId={projectId}
                  rule={r}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) rules.reload();
                  }}
                />
              </li>
            ) : (
              <RuleItem
                key={r.id}
                rule={r}
                canWrite={canWrite}
                onEdit={() => setEditing(r.id)}
                onToggle={() => void run(() => client.patch(`/projects/${projectId}/alert-rules/${r.id}`, { enabled: !r.enabled }))}
                onDelete={() => run(() => client.delete(`/projects/${projectId}/alert-rules/${r.id}`))}
              />
            ),
          )}
        </ul>
      )}
      <p className="small muted" style={{ margin: 0 }}>
        Alerts go through <Link href="/routes">routes</Link>, silences and channels like any other, with a link back to the issue. Resolving or ignoring the issue resolves them.
      </p>
    </section>
  );
}
