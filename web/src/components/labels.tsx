export function LabelList({ labels, max = 4 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return null;
  return (
    <span className="row" style={{ gap: '0.25rem', flexWrap: 'nowrap', overflow: 'hidden' }}>
      {entries.slice(0, max).map(([k, v]) => (
        <span key={k} className="tag" title={`${k}=${v}`}>
          {v ? `${k}=${v}` : k}
        </span>
      ))}
      {entries.length > max && <span className="muted small">+{entries.length - max}</span>}
    </span>
  );
}

/** Labels as `key=value` lines, the way people paste them. */
export const labelsToText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

export function textToLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of text.split(/[\n,]/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    if (at === -1) labels[trimmed] = '';
    else labels[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return labels;
}
