import { frameComponent, isInApp, type Frame } from './frames.ts';
import { normalizeMessage } from './normalize-message.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const MAX_FRAMES = 50;

export interface ExceptionValue {
  type?: unknown;
  value?: unknown;
  module?: unknown;
  stacktrace?: { frames?: unknown };
}

/**
 * The exceptions people threw. A synthetic one (the stack an SDK attaches to a captured message
 * or string) says nothing about a type, so the event groups by its message instead.
 */
export function exceptionsOf(event: Json): ExceptionValue[] {
  const exception = event.exception;
  const values = isObject(exception) ? exception.values : Array.isArray(exception) ? exception : undefined;
  return Array.isArray(values) ? values.filter((v): v is Json => isObject(v) && !(isObject(v.mechanism) && v.mechanism.synthetic === true)) : [];
}

/** The value of a synthetic exception (a captured string), the message of last resort. */
function syntheticValue(event: Json): string | undefined {
  const values = isObject(event.exception) && Array.isArray(event.exception.values) ? event.exception.values : [];
  const last = values.at(-1);
  return isObject(last) && typeof last.value === 'string' && last.value ? last.value : undefined;
}

export function framesOf(value: ExceptionValue): Frame[] {
  const frames = isObject(value.stacktrace) ? value.stacktrace.frames : undefined;
  return Array.isArray(frames) ? frames.filter(isObject) : [];
}

/** The message people wrote: the logentry template (its parameters excluded), else the message. */
export function messageOf(event: Json): string | undefined {
  const entry = event.logentry;
  if (isObject(entry) && typeof entry.message === 'string' && entry.message) return entry.message;
  if (typeof event.message === 'string' && event.message) return event.message;
  if (isObject(event.message) && typeof event.message.message === 'string') return event.message.message;
  if (isObject(entry) && typeof entry.formatted === 'string' && entry.formatted) return entry.formatted;
  return syntheticValue(event);
}

/**
 * The stack of one exception: its in-app frames (all frames when none is in-app), most recent
 * last, with direct recursion collapsed.
 */
export function stackComponents(frames: Frame[]): string[][] {
  const inApp = frames.filter(isInApp);
  const chosen = (inApp.length > 0 ? inApp : frames).slice(-MAX_FRAMES);
  const out: string[][] = [];
  for (const frame of chosen) {
    const component = frameComponent(frame);
    if (component.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.join('\0') === component.join('\0')) continue;
    out.push(component);
  }
  return out;
}

/**
 * The default grouping of `custos:2026-12`: each exception's type and stack (or, without frames,
 * its normalized value); otherwise the normalized message; otherwise the event's level and logger.
 */
export function defaultComponents(event: Json): unknown[] {
  const exceptions = exceptionsOf(event);
  if (exceptions.length > 0) {
    return exceptions.map((e) => {
      const type = typeof e.type === 'string' && e.type ? e.type : 'Error';
      const stack = stackComponents(framesOf(e));
      if (stack.length > 0) return ['exception', type, stack];
      return ['exception', type, normalizeMessage(typeof e.value === 'string' ? e.value : '')];
    });
  }
  const message = messageOf(event);
  if (message !== undefined) return [['message', normalizeMessage(message)]];
  return [['empty', String(event.logger ?? ''), String(event.level ?? 'error')]];
}
