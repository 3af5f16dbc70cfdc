const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `22 Nov 2026` for a `YYYY-MM-DD` day or an instant (UTC). */
export function formatDay(day: string | number): string {
  const d = typeof day === 'number' ? new Date(day) : new Date(`${day}T00:00:00Z`);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `22 Nov 2026, 04:05 UTC`. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function timeTag(ms: number): string {
  return `<time datetime="${new Date(ms).toISOString()}">${formatTime(ms)}</time>`;
}

export function dayTag(day: string): string {
  return `<time datetime="${day}">${formatDay(day)}</time>`;
}

function channels(hex: string): [number, number, number] {
  const h = hex.length === 4 ? hex.slice(1).replace(/./g, (c) => c + c) : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function linear(channel: number): number {
  const s = channel / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: [number, number, number] = [255, 255, 255];
const INK: [number, number, number] = [17, 24, 39];
const toHex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** White or near-black text, whichever reads better on `background`. */
export function textOn(background: string): string {
  const bg = channels(background);
  return contrast(WHITE, bg) >= contrast(INK, bg) ? '#ffffff' : toHex(INK);
}

/** The colour, darkened just enough to reach 4.5:1 against white (links on a white page). */
export function readableOnWhite(color: string): string {
  let c = channels(color);
  for (let i = 0; i < 20 && contrast(c, WHITE) < 4.5; i++) c = c.map((v) => v * 0.9) as [number, number, number];
  return toHex(c);
}
