import { useId } from 'react';
import { Link } from 'wouter';
import type { Channel } from '../channels/types.ts';

interface Props {
  value: string[] | undefined;
  onChange: (v: string[] | undefined) => void;
  channels: Channel[];
  /** Child routes inherit their parent's receivers while the value is undefined. */
  canInherit: boolean;
  error?: string;
  disabled?: boolean;
}

/** Receivers are channel ids; the picker names them and keeps ids it does not know (a deleted channel). */
export function ReceiverPicker({ value, onChange, channels, canInherit, error, disabled }: Props) {
  const id = useId();
  const inherit = canInherit && value === undefined;
  const chosen = new Set(value ?? []);
  const unknown = [...chosen].filter((c) => !channels.some((ch) => ch.id === c));
  const toggle = (channelId: string, on: boolean) => onChange([...(value ?? []).filter((v) => v !== channelId), ...(on ? [channelId] : [])]);
  return (
    <fieldset className="receiver-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Receivers</legend>
      {canInherit && (
        <label className="checkbox">
          <input type="checkbox" checked={inherit} disabled={disabled} onChange={(e) => onChange(e.target.checked ? undefined : [])} />
          Same as the parent route
        </label>
      )}
      {!inherit && (
        <div className="receiver-options">
          {channels.length === 0 && unknown.length === 0 && (
            <span className="muted small">
              No channels yet: <Link href="/channels/new">add one</Link> to send notifications.
            </span>
          )}
          {channels.map((c) => (
            <label key={c.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(c.id)} disabled={disabled} onChange={(e) => toggle(c.id, e.target.checked)} />
              {c.name} <span className="muted small">{c.type}</span>
            </label>
          ))}
          {unknown.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" checked disabled={disabled} onChange={() => toggle(c, false)} />
              <span className="error-text">unknown channel {c}</span>
            </label>
          ))}
          {!disabled && chosen.size === 0 && channels.length > 0 && <span className="muted small">None chosen: matching alerts notify nobody.</span>}
        </div>
      )}
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
