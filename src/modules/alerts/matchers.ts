export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** Compiled for `=~` / `!~`, anchored at both ends as Alertmanager does. */
  re?: RegExp;
}

export type Labels = Record<string, string>;

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_.:-]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/s;
const MAX_VALUE = 1024;

function unquote(raw: string): string | { error: string } {
  if (!raw.startsWith('"')) return raw.endsWith('"') ? { error: 'value has a closing quote but no opening quote' } : raw;
  let out = '';
  let i = 1;
  for (; i < raw.length && raw[i] !== '"'; i++) {
    if (raw[i] !== '\\') {
      out += raw[i];
      continue;
    }
    const next = raw[++i];
    if (next === 'n') out += '\n';
    else if (next === '"' || next === '\\') out += next;
    else return { error: `unknown escape \\${next ?? ''}` };
  }
  if (i >= raw.length) return { error: 'value has an opening quote but no closing quote' };
  if (i !== raw.length - 1) return { error: 'text after the closing quote' };
  return out;
}

/** Go's RE2 accepts leading flag groups such as `(?i)`; JavaScript wants them as flags. */
function compileRegex(source: string): RegExp | { error: string } {
  const flags = /^\(\?([is]+)\)/.exec(source);
  const body = flags ? source.slice(flags[0].length) : source;
  try {
    return new RegExp(`^(?:${body})$`, flags ? [...new Set(flags[1])].join('') : '');
  } catch (err) {
    return { error: `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
}

/**
 * Parses one Alertmanager matcher: `name=value`, `name!=value`, `name=~regex`, `name!~regex`;
 * the value may be double-quoted (with `\"`, `\\`, `\n` escapes).
 */
export function parseMatcher(text: string): { matcher: Matcher } | { error: string } {
  const m = MATCHER.exec(text);
  if (!m) return { error: 'expected label=value, label!=value, label=~regex or label!~regex' };
  const [, name, op, raw] = m;
  if (/^[=~]/.test(raw)) return { error: `unexpected ${raw[0]} after ${op}: use =, !=, =~ or !~` };
  const value = unquote(raw);
  if (typeof value !== 'string') return value;
  if (value.length > MAX_VALUE) return { error: `value longer than ${MAX_VALUE} characters` };
  const matcher: Matcher = { name, op: op as MatchOp, value };
  if (op === '=~' || op === '!~') {
    const re = compileRegex(value);
    if (!(re instanceof RegExp)) return re;
    matcher.re = re;
  }
  return { matcher };
}

/** Parses a list, throwing on the first bad one; for input already validated. */
export function parseMatchers(texts: readonly string[]): Matcher[] {
  return texts.map((t) => {
    const r = parseMatcher(t);
    if ('error' in r) throw new Error(`${t}: ${r.error}`);
    return r.matcher;
  });
}

/** A missing label has the empty string as its value, as in Alertmanager. */
export function matches(m: Matcher, labels: Labels): boolean {
  const v = Object.hasOwn(labels, m.name) ? labels[m.name] : '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return m.re!.test(v);
    case '!~':
      return !m.re!.test(v);
  }
}

export function matchesAll(ms: readonly Matcher[], labels: Labels): boolean {
  return ms.every((m) => matches(m, labels));
}

export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}

/** `{a="1",b="2"}`, sorted by name; the form group keys and route ids use. */
export function formatLabelSet(labels: Labels): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',')}}`;
}
