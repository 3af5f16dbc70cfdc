import { escapeHtml } from './html-escape.ts';

export interface Bar {
  label: string;
  /** The bar's length as a share of the axis, 0..1; null draws no bar. */
  value: number | null;
  text: string;
  /** A marker on the axis (an SLA target), 0..1. */
  target?: number | null;
  tone?: 'good' | 'bad' | 'neutral';
}

const COLORS = { good: '#1a7f37', bad: '#cf222e', neutral: '#0969da' };
const ROW = 22;
const LABEL_W = 220;
const BAR_W = 360;
const TEXT_W = 110;

/** A horizontal bar chart as inline SVG: one row per bar, with an optional target marker. */
export function barChart(title: string, bars: Bar[]): string {
  if (bars.length === 0) return '';
  const height = bars.length * ROW + 8;
  const width = LABEL_W + BAR_W + TEXT_W;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const length = b.value === null ? 0 : Math.max(0, Math.min(1, b.value)) * BAR_W;
    const marker = b.target === undefined || b.target === null ? '' : `<line x1="${LABEL_W + b.target * BAR_W}" x2="${LABEL_W + b.target * BAR_W}" y1="${y - 2}" y2="${y + ROW - 4}" stroke="#24292f" stroke-width="2"/>`;
    return [
      `<text x="${LABEL_W - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(b.label.slice(0, 40))}</text>`,
      `<rect x="${LABEL_W}" y="${y}" width="${BAR_W}" height="${ROW - 6}" fill="#eaeef2"/>`,
      `<rect x="${LABEL_W}" y="${y}" width="${length.toFixed(1)}" height="${ROW - 6}" fill="${COLORS[b.tone ?? 'neutral']}"/>`,
      marker,
      `<text x="${LABEL_W + BAR_W + 6}" y="${y + 13}">${escapeHtml(b.text)}</text>`,
    ].join('');
  });
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">${rows.join('')}</svg></figure>`;
}

/** Uptime bars zoom into [floor, 1] so 99.9% and 99.5% look different; the caption must say where the axis starts. */
export function uptimeScale(values: (number | null)[]): { floor: number; scale: (v: number | null) => number | null } {
  const lowest = Math.min(1, ...values.filter((v): v is number => v !== null));
  const floor = lowest >= 0.99 ? 0.99 : lowest >= 0.9 ? 0.9 : 0;
  return { floor, scale: (v) => (v === null ? null : (v - floor) / (1 - floor)) };
}
