import type { FieldErrors } from '../api/field-errors.ts';
import type { Channel } from '../channels/types.ts';
import { Button } from '../components/button.tsx';
import { EscalationPolicyField, type EscalationPolicies } from '../oncall/escalation-policy-field.tsx';
import { CheckboxField, TextField } from '../components/field.tsx';
import { routeName } from './document.ts';
import { ListField } from './list-field.tsx';
import { ReceiverPicker } from './receiver-picker.tsx';
import type { RouteNode } from './types.ts';

export interface TreeActions {
  update: (path: string, update: (r: RouteNode) => RouteNode | null) => void;
  move: (path: string, by: -1 | 1) => void;
}

interface Props {
  route: RouteNode;
  path: string;
  position?: { index: number; count: number };
  actions: TreeActions;
  channels: Channel[];
  policies: EscalationPolicies;
  errors: FieldErrors;
  readOnly: boolean;
}

const DURATIONS: Array<{ key: 'group_wait' | 'group_interval' | 'repeat_interval'; label: string; root: string }> = [
  { key: 'group_wait', label: 'Group wait', root: '30s' },
  { key: 'group_interval', label: 'Group interval', root: '5m' },
  { key: 'repeat_interval', label: 'Repeat interval', root: '4h' },
];

/** One route of the tree with its children; every field shows the server's issue at its path. */
export function RouteEditor({ route, path, position, actions, channels, policies, errors, readOnly }: Props) {
  const root = path === '';
  const at = (key: string) => (root ? key : `${path}.${key}`);
  const set = (change: Partial<RouteNode>) => actions.update(path, (r) => ({ ...r, ...change }));
  const inherit = root ? 'default' : 'inherit';
  const children = route.routes ?? [];
  const summary = root ? 'matches every alert' : route.matchers?.filter(Boolean).join(', ') || 'matches every alert (no matchers)';
  const problem = errors(at('matchers')) ?? errors(at('receivers')) ?? DURATIONS.map((d) => errors(at(d.key))).find(Boolean) ?? errors(at('group_by'));
  return (
    <details className="route-node" open data-root={root || undefined} data-invalid={problem ? true : undefined}>
      <summary>
        <span className="route-title">{routeName(path)}</span>
        <code className="small route-summary">{summary}</code>
        {route.continue && <span className="tag">continue</span>}
      </summary>
      <div className="route-body">
        <div className="form-grid">
          {!root && (
            <ListField
              className="wide"
              label="Matchers"
              multiline
              value={route.matchers}
              onChange={(matchers) => set({ matchers })}
              error={errors(at('matchers'))}
              placeholder={'team="db"\nenv=~"prod|staging"'}
              hint="One per line; all must match (=, !=, =~ regex, !~)."
              disabled={readOnly}
            />
          )}
          <div className="wide">
            <ReceiverPicker value={route.receivers} onChange={(receivers) => set({ receivers })} channels={channels} canInherit={!root} error={errors(at('receivers'))} disabled={readOnly} />
          </div>
          <ListField label="Group by" value={route.group_by} onChange={(group_by) => set({ group_by })} error={errors(at('group_by'))} placeholder={inherit} hint='Label names, comma-separated; "..." for every label.' disabled={readOnly} />
          {DURATIONS.map((d) => (
            <TextField key={d.key} label={d.label} value={String(route[d.key] ?? '')} onChange={(e) => set({ [d.key]: e.target.value || undefined })} error={errors(at(d.key))} placeholder={root ? d.root : inherit} disabled={readOnly} />
          ))}
          <EscalationPolicyField label="Escalation policy" value={route.escalation_policy ?? ''} onChange={(id) => set({ escalation_policy: id || undefined })} policies={policies} error={errors(at('escalation_policy'))} emptyLabel={root ? 'None' : 'Inherit'} disabled={readOnly} />
          {!root && (
            <CheckboxField label="Continue" hint="Also try the routes after this one." checked={route.continue === true} onChange={(e) => set({ continue: e.target.checked || undefined })} disabled={readOnly} />
          )}
        </div>
        {!readOnly && (
          <div className="form-actions route-actions">
            <Button size="sm" onClick={() => actions.update(path, (r) => ({ ...r, routes: [...(r.routes ?? []), { matchers: [''] }] }))}>
              Add child route
            </Button>
            {position && (
              <>
                <Button size="sm" variant="ghost" disabled={position.index === 0} onClick={() => actions.move(path, -1)} aria-label={`Move ${routeName(path)} up`}>
                  Move up
                </Button>
                <Button size="sm" variant="ghost" disabled={position.index === position.count - 1} onClick={() => actions.move(path, 1)} aria-label={`Move ${routeName(path)} down`}>
                  Move down
                </Button>
                <Button size="sm" variant="ghost" className="danger-text" onClick={() => actions.update(path, () => null)} aria-label={`Remove ${routeName(path)}`}>
                  Remove
                </Button>
              </>
            )}
          </div>
        )}
        {children.length > 0 && (
          <div className="route-children">
            {children.map((child, i) => (
              <RouteEditor key={i} route={child} path={`${at('routes')}.${i}`} position={{ index: i, count: children.length }} actions={actions} channels={channels} policies={policies} errors={errors} readOnly={readOnly} />
            ))}
          </div>
        )}
      </div>
    </details>
  );
}
