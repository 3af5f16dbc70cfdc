import { exceptionsOf, framesOf, isInApp, messageOf, normalizeFilename, normalizeFunction } from '../grouping/index.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface EventFacts {
  type: 'error' | 'default';
  title: string;
  culprit: string | null;
  level: string;
  timestamp: number;
  release: string | null;
  environment: string | null;
  metadata: Json;
  tags: [string, string][];
}

const LEVELS: Record<string, string> = { fatal: 'fatal', critical: 'fatal', error: 'error', warning: 'warning', warn: 'warning', info: 'info', log: 'info', debug: 'debug' };
export const LEVEL_RANK: Record<string, number> = { debug: 0, info: 1, warning: 2, error: 3, fatal: 4 };
const MAX_TAGS = 50;

const oneLine = (s: string, max: number) => {
  const line = s.split('\n', 1)[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const shortString = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' && v.length <= max && !/[\n\r\t]/.test(v) ? v.trim() : null);

function timestampOf(value: unknown, receivedAt: number): number {
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value > 1e11 ? value : value * 1000;
  else if (typeof value === 'string') ms = Date.parse(value) || (Number.isFinite(Number(value)) ? Number(value) * 1000 : null);
  if (ms === null || ms <= 0 || ms > receivedAt + 60_000) return receivedAt;
  return Math.round(ms);
}

function tagsOf(event: Json, level: string, release: string | null, environment: string | null): [string, string][] {
  const out = new Map<string, string>();
  const add = (key: unknown, value: unknown) => {
    if (out.size >= MAX_TAGS || typeof key !== 'string' || !/^[\w.:-]{1,32}$/.test(key)) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const text = String(value).trim();
    if (text !== '' && text.length <= 200 && !/[\n\r]/.test(text)) out.set(key, text);
  };
  add('level', level);
  add('environment', environment);
  add('release', release);
  add('server_name', event.server_name);
  add('transaction', event.transaction);
  const contexts = isObject(event.contexts) ? event.contexts : {};
  for (const name of ['runtime', 'os', 'browser', 'device']) {
    const c = contexts[name];
    if (isObject(c) && typeof c.name === 'string') add(name, typeof c.version === 'string' ? `${c.name} ${c.version}` : c.name);
  }
  const main = exceptionsOf(event).at(-1);
  const mechanism = main && isObject((main as Json).mechanism) ? ((main as Json).mechanism as Json) : null;
  if (mechanism) {
    add('mechanism', mechanism.type);
    if (typeof mechanism.handled === 'boolean') add('handled', mechanism.handled ? 'yes' : 'no');
  }
  const tags = event.tags;
  if (Array.isArray(tags)) for (const pair of tags) if (Array.isArray(pair)) add(pair[0], pair[1]);
  if (isObject(tags)) for (const [k, v] of Object.entries(tags)) add(k, v);
  return [...out];
}

/** Title, culprit, level and tags of an event, as Sentry shows them. */
export function describeEvent(event: Json, receivedAt: number): EventFacts {
  const exceptions = exceptionsOf(event);
  const level = LEVELS[String(event.level ?? '').toLowerCase()] ?? 'error';
  const release = shortString(event.release, 200);
  const environment = shortString(event.environment, 64);
  const base = { level, timestamp: timestampOf(event.timestamp, receivedAt), release, environment, tags: tagsOf(event, level, release, environment) };
  const main = exceptions.at(-1);
  if (main) {
    const type = typeof main.type === 'string' && main.type ? main.type : 'Error';
    const value = typeof main.value === 'string' ? main.value : '';
    const frames = framesOf(main);
    const top = frames.filter(isInApp).at(-1) ?? frames.at(-1);
    const where = top ? ((typeof top.module === 'string' && top.module) || normalizeFilename(String(top.filename ?? top.abs_path ?? ''))) : '';
    const fn = top ? normalizeFunction(top.function) : undefined;
    const culprit = where || fn ? [where, fn].filter(Boolean).join(' in ') : typeof event.transaction === 'string' ? event.transaction : null;
    return {
      ...base,
      type: 'error',
      title: oneLine(value ? `${type}: ${value}` : type, 200),
      culprit: culprit ? culprit.slice(0, 200) : null,
      metadata: { type, value: value.slice(0, 1000), filename: top ? (top.filename ?? top.abs_path ?? null) : null, function: fn ?? null },
    };
  }
  const logentry = isObject(event.logentry) ? event.logentry : {};
  const formatted = (typeof logentry.formatted === 'string' && logentry.formatted) || (typeof event.message === 'string' && event.message) || messageOf(event) || '';
  const title = oneLine(formatted || '<unlabeled event>', 200);
  return { ...base, type: 'default', title, culprit: typeof event.transaction === 'string' ? event.transaction.slice(0, 200) : null, metadata: { title } };
}
