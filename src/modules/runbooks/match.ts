/** How much one matched label says about where the problem is: a monitor beats a service beats anything else. */
const WEIGHTS: Record<string, number> = { monitor: 100, service: 10 };

/** A runbook's `monitor` key names a monitor by id or by name; alerts carry both labels. */
function labelMatches(key: string, value: string, labels: Record<string, string>): boolean {
  if (key === 'monitor') return labels.monitor_id === value || labels.monitor === value;
  return labels[key] === value;
}

export interface Scored {
  score: number;
  matchedOn: string[];
}

/** Null unless every pair of `match` is on `labels`. */
export function scoreMatch(match: Record<string, string>, labels: Record<string, string>): Scored | null {
  const keys = Object.keys(match).sort();
  if (!keys.every((k) => labelMatches(k, match[k], labels))) return null;
  return { score: keys.reduce((sum, k) => sum + (WEIGHTS[k] ?? 1), 0), matchedOn: keys.map((k) => `${k}=${match[k]}`) };
}

/** The runbooks that apply to `labels`, most specific first (ties by slug). */
export function rankRunbooks<T extends { slug: string; match: Record<string, string> }>(runbooks: T[], labels: Record<string, string>): (T & Scored)[] {
  return runbooks
    .flatMap((r) => {
      const scored = scoreMatch(r.match, labels);
      return scored ? [{ ...r, ...scored }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** `service=payments,domain=auth` or repeated `k=v` strings → labels; returns the bad entries too. */
export function parseLabelPairs(values: string[]): { labels: Record<string, string>; bad: string[] } {
  const labels: Record<string, string> = {};
  const bad: string[] = [];
  for (const item of values.flatMap((v) => v.split(','))) {
    const at = item.indexOf('=');
    if (at < 1) {
      if (item.trim()) bad.push(item);
      continue;
    }
    labels[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return { labels, bad };
}
