/** Splits `env="prod", team=~"db|web"` at commas outside quotes, so a regex may hold commas. */
export function splitMatchers(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted) {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if ((c === ',' || c === '\n') && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const quote = (v: string) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** Equality matchers for labels: `alertname="HostDown"`. */
export const labelMatchers = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}=${quote(v)}`);
