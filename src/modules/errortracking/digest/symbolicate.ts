import { originalPositionFor, sourceContentFor, type TraceMap } from '@jridgewell/trace-mapping';
import { redactText, type RedactionCounts } from '../../../platform/redact/index.ts';
import type { SourceMapCache, FoundMap } from './source-map-cache.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const CONTEXT = 5;
const JS_FILE = /\.(?:m|c)?js(?:[?#].*)?$/i;

interface Mapped {
  source: string;
  line: number;
  column: number;
  name: string | null;
  map: TraceMap;
}

function debugIds(event: Json): Map<string, string> {
  const out = new Map<string, string>();
  const images = isObject(event.debug_meta) && Array.isArray(event.debug_meta.images) ? event.debug_meta.images : [];
  for (const image of images) {
    if (isObject(image) && image.type === 'sourcemap' && typeof image.code_file === 'string' && typeof image.debug_id === 'string') {
      out.set(image.code_file, image.debug_id.toLowerCase());
    }
  }
  return out;
}

const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}…` : s);

function context(map: TraceMap, source: string, line: number, scrub: RedactionCounts | null): Json {
  const text = sourceContentFor(map, source);
  if (text === null) return {};
  const lines = text.split(/\r?\n/);
  const at = line - 1;
  if (at < 0 || at >= lines.length) return {};
  const show = (s: string) => {
    if (!scrub) return clip(s);
    const r = redactText(clip(s));
    for (const [rule, n] of Object.entries(r.counts)) scrub[rule] = (scrub[rule] ?? 0) + n;
    return r.text;
  };
  return { pre_context: lines.slice(Math.max(0, at - CONTEXT), at).map(show), context_line: show(lines[at]), post_context: lines.slice(at + 1, at + 1 + CONTEXT).map(show) };
}

/**
 * Maps minified JavaScript frames to their original file, line, column and source lines. A
 * frame's function comes from the name at its caller's call site (the token that called it),
 * as Sentry does; the outermost frame keeps its own name. Source lines are scrubbed into `scrub`
 * when given (the project scrubs).
 */
export async function symbolicateEvent(event: Json, projectId: string, cache: SourceMapCache, now: number, scrub: RedactionCounts | null): Promise<{ event: Json; frames: number }> {
  const exception = event.exception;
  const values = isObject(exception) && Array.isArray(exception.values) ? exception.values : null;
  if (!values) return { event, frames: 0 };
  const release = typeof event.release === 'string' ? event.release : '';
  const dist = typeof event.dist === 'string' ? event.dist : '';
  if (!(await cache.hasAny(projectId, release, dist, now))) return { event, frames: 0 };
  const ids = debugIds(event);
  const find = async (file: string): Promise<FoundMap | null> => {
    const debugId = ids.get(file);
    return (debugId ? await cache.byDebugId(projectId, release, dist, debugId, now) : null) ?? cache.byUrl(projectId, release, dist, file, now);
  };
  let count = 0;
  const outValues = [];
  for (const value of values) {
    const frames = isObject(value) && isObject(value.stacktrace) && Array.isArray(value.stacktrace.frames) ? (value.stacktrace.frames as unknown[]) : null;
    if (!frames) {
      outValues.push(value);
      continue;
    }
    const mapped: (Mapped | null)[] = [];
    for (const frame of frames) {
      mapped.push(isObject(frame) ? await mapFrame(frame, find) : null);
    }
    const outFrames = frames.map((frame, i) => {
      const m = mapped[i];
      if (!m || !isObject(frame)) return frame;
      count++;
      const callerName = i > 0 ? mapped[i - 1]?.name : null;
      // The SDK derived `module` from the minified file's path; the original file replaces it.
      const { module: _minifiedModule, ...rest } = frame;
      return {
        ...rest,
        abs_path: m.source,
        filename: m.source.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''),
        lineno: m.line,
        colno: m.column + 1,
        function: callerName ?? frame.function,
        in_app: /(^|\/)node_modules\//.test(m.source) ? false : frame.in_app,
        ...context(m.map, m.source, m.line, scrub),
        data: { ...(isObject(frame.data) ? frame.data : {}), symbolicated: true, minified: { abs_path: frame.abs_path ?? frame.filename, lineno: frame.lineno, colno: frame.colno, function: frame.function ?? null } },
      };
    });
    outValues.push({ ...value, stacktrace: { ...(value as { stacktrace: Json }).stacktrace, frames: outFrames } });
  }
  return count === 0 ? { event, frames: 0 } : { event: { ...event, exception: { ...(exception as Json), values: outValues } }, frames: count };
}

async function mapFrame(frame: Json, find: (file: string) => Promise<FoundMap | null>): Promise<Mapped | null> {
  const file = typeof frame.abs_path === 'string' ? frame.abs_path : typeof frame.filename === 'string' ? frame.filename : null;
  const { lineno, colno } = frame;
  if (!file || !JS_FILE.test(file) || typeof lineno !== 'number' || typeof colno !== 'number' || lineno < 1 || colno < 1) return null;
  const found = await find(file);
  if (!found) return null;
  const pos = originalPositionFor(found.map, { line: lineno, column: colno - 1 });
  if (pos.source === null || pos.line === null || pos.column === null) return null;
  return { source: pos.source, line: pos.line, column: pos.column, name: pos.name, map: found.map };
}
