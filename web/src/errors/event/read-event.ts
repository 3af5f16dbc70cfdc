import type { EventData } from '../types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : String(s ?? ''))) : []);

export interface Frame {
  filename?: string;
  absPath?: string;
  module?: string;
  function?: string;
  lineno?: number;
  colno?: number;
  inApp: boolean;
  preContext: string[];
  contextLine?: string;
  postContext: string[];
  vars?: Json;
  /** Where the frame was in the minified bundle, when a source map gave its original position. */
  minified?: { absPath?: string; lineno?: number; colno?: number; function?: string };
}

export interface ExceptionValue {
  type: string;
  value?: string;
  module?: string;
  mechanism?: { type?: string; handled?: boolean };
  frames: Frame[];
}

export interface Breadcrumb {
  timestamp?: string;
  type?: string;
  category?: string;
  level?: string;
  message?: string;
  data?: Json;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function readFrame(f: Json): Frame {
  const data = isObject(f.data) ? f.data : {};
  const min = isObject(data.minified) ? data.minified : null;
  return {
    filename: str(f.filename),
    absPath: str(f.abs_path),
    module: str(f.module),
    function: str(f.function),
    lineno: num(f.lineno),
    colno: num(f.colno),
    inApp: f.in_app === true,
    preContext: strings(f.pre_context),
    contextLine: str(f.context_line),
    postContext: strings(f.post_context),
    vars: isObject(f.vars) && Object.keys(f.vars).length ? f.vars : undefined,
    minified: min ? { absPath: str(min.abs_path), lineno: num(min.lineno), colno: num(min.colno), function: str(min.function) } : undefined,
  };
}

const framesOf = (stacktrace: unknown): Frame[] => (isObject(stacktrace) && Array.isArray(stacktrace.frames) ? stacktrace.frames.filter(isObject).map(readFrame) : []);

/** The stack a message was captured with (`attachStacktrace`): top level, or the crashed or current thread's. */
export function readThreadStack(event: EventData): Frame[] {
  const top = framesOf(event.stacktrace);
  if (top.length) return top;
  const threads = isObject(event.threads) && Array.isArray(event.threads.values) ? event.threads.values.filter(isObject) : [];
  const thread = threads.find((t) => t.crashed === true) ?? threads.find((t) => t.current === true) ?? threads[0];
  return thread ? framesOf(thread.stacktrace) : [];
}

/** The exception chain, outermost (the one that was thrown last) first. */
export function readExceptions(event: EventData): ExceptionValue[] {
  const raw = Array.isArray(event.exception) ? event.exception : isObject(event.exception) && Array.isArray(event.exception.values) ? event.exception.values : [];
  return raw
    .filter(isObject)
    .map((v) => ({
      type: str(v.type) ?? 'Error',
      value: str(v.value),
      module: str(v.module),
      mechanism: isObject(v.mechanism) ? { type: str(v.mechanism.type), handled: typeof v.mechanism.handled === 'boolean' ? v.mechanism.handled : undefined } : undefined,
      frames: framesOf(v.stacktrace),
    }))
    .toReversed();
}

/** Breadcrumbs, oldest first, whether sent as a list (envelopes) or `{ values }` (store). */
export function readBreadcrumbs(event: EventData): Breadcrumb[] {
  const raw = Array.isArray(event.breadcrumbs) ? event.breadcrumbs : isObject(event.breadcrumbs) && Array.isArray(event.breadcrumbs.values) ? event.breadcrumbs.values : [];
  return raw.filter(isObject).map((b) => {
    const ts = b.timestamp;
    return {
      timestamp: typeof ts === 'number' ? new Date(ts * 1000).toISOString() : str(ts),
      type: str(b.type),
      category: str(b.category),
      level: str(b.level),
      message: str(b.message),
      data: isObject(b.data) && Object.keys(b.data).length ? b.data : undefined,
    };
  });
}

export function readMessage(event: EventData): string | undefined {
  const entry = isObject(event.logentry) ? event.logentry : null;
  return str(entry?.formatted) ?? str(entry?.message) ?? (isObject(event.message) ? str(event.message.formatted) ?? str(event.message.message) : str(event.message));
}

/** Tags as pairs, whether sent as an object or a list of `[key, value]`. */
export function readTags(event: EventData): Array<[string, string]> {
  if (Array.isArray(event.tags)) return event.tags.filter((t): t is unknown[] => Array.isArray(t) && t.length === 2).map(([k, v]) => [String(k), String(v)]);
  return isObject(event.tags) ? Object.entries(event.tags).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]) : [];
}

/** Any value as short display text: strings as they are, the rest as compact JSON. */
export const display = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

/** An object's fields as display strings, for a key/value list. */
export function flat(v: unknown): Record<string, string> {
  return isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== '').map(([k, x]) => [k, display(x)])) : {};
}

export const section = (event: EventData, key: string): Json | undefined => (isObject(event[key]) ? (event[key] as Json) : undefined);
export { isObject };
