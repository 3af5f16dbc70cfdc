import type { ReactNode } from 'react';

/** A share (0..1) as a bar, with an optional target line; `floor` zooms the scale (uptime near 100%). */
export function ShareBar({ value, target = null, floor = 0, label, tone }: { value: number | null; target?: number | null; floor?: number; label: string; tone?: 'below' | 'ok' }) {
  const at = (r: number) => `${Math.max(0, Math.min(1, (r - floor) / (1 - floor))) * 100}%`;
  const shown = value === null ? 'none' : (tone ?? (target !== null && value < target ? 'below' : 'ok'));
  return (
    <span className="share-bar" data-tone={shown} role="img" aria-label={label}>
      {value !== null && <i style={{ width: at(value) }} />}
      {target !== null && <b style={{ left: at(target) }} />}
    </span>
  );
}

export interface Part {
  key: string;
  value: number;
  label: string;
}

/** Parts of a whole side by side (time by state, sends by outcome), each coloured by its key. */
export function SplitBar({ parts, label }: { parts: Part[]; label: string }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  return (
    <span className="split-bar" role="img" aria-label={label}>
      {total > 0 && parts.filter((p) => p.value > 0).map((p) => <i key={p.key} data-part={p.key} style={{ width: `${(p.value / total) * 100}%` }} title={p.label} />)}
    </span>
  );
}

export function Legend({ parts }: { parts: Array<{ key: string; label: string }> }) {
  return (
    <div className="legend split-legend" aria-hidden="true">
      {parts.map((p) => (
        <span key={p.key}>
          <i data-part={p.key} />
          {p.label}
        </span>
      ))}
    </div>
  );
}

/** A row of headline figures. */
export function Figures({ items, label }: { items: Array<{ label: string; value: ReactNode; tone?: 'bad' | 'good' }>; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {items.map((f) => (
        <div key={f.label} data-tone={f.tone}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
