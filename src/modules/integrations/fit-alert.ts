import { truncate } from './types/common.ts';

const MAX_LABELS = 64;
const MAX_ANNOTATIONS = 32;

function labelName(key: string): string | null {
  const cleaned = key.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 128);
  if (cleaned === '') return null;
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned.slice(0, 127)}`;
}

/**
 * The alert's labels: the integration's own first (they win), then the sender's, with names made
 * valid and values and counts cut to the alerts' limits, so a sender's odd label never loses an alert.
 */
export function fitLabels(integration: Record<string, string>, sender: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of [...Object.entries(integration), ...Object.entries(sender)]) {
    const name = labelName(key);
    if (name === null || name in out || Object.keys(out).length >= MAX_LABELS) continue;
    out[name] = truncate(value, 1024);
  }
  return out;
}

export function fitAnnotations(annotations: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (key === '' || Object.keys(out).length >= MAX_ANNOTATIONS) continue;
    out[key.slice(0, 128)] = truncate(value, 10_000);
  }
  return out;
}
