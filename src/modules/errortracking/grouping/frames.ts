export interface Frame {
  filename?: unknown;
  abs_path?: unknown;
  module?: unknown;
  function?: unknown;
  context_line?: unknown;
  in_app?: unknown;
  lineno?: unknown;
  colno?: unknown;
  platform?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Frames the SDK did not mark: library and runtime paths are not the app's. */
export function isInApp(frame: Frame): boolean {
  if (typeof frame.in_app === 'boolean') return frame.in_app;
  const path = str(frame.abs_path) ?? str(frame.filename) ?? '';
  return !/(^|\/)node_modules\/|^node:|^internal\/|^native$|^<anonymous>$|\/(?:vendor|bower_components)\//.test(path);
}

/** A file name without origin, query, build hashes or version directories, so builds and hosts group together. */
export function normalizeFilename(name: string): string {
  let out = name.replace(/[?#].*$/, '');
  out = out.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  out = out.replace(/\.[0-9a-f]{6,}(?=\.)/gi, '.<hash>').replace(/[-.][0-9a-f]{16,}(?=\.|$)/gi, '');
  out = out.replace(/\/(?:v?\d+(?:\.\d+)+|[0-9a-f]{7,40}|\d{8,})(?=\/)/gi, '/<version>');
  return out;
}

/** `Object.<anonymous>`, `async fn`, `new Thing`, webpack's `fn/<` → the name people wrote. */
export function normalizeFunction(name: unknown): string | undefined {
  let out = str(name);
  if (!out) return undefined;
  out = out.replace(/^(?:async |new )/, '').replace(/\/<+$/, '').replace(/^Object\./, '');
  if (out === '<anonymous>' || out === '?' || out === 'Object.<anonymous>' || out === '<anonymous>.<anonymous>') return undefined;
  return out;
}

export function normalizeModule(name: unknown): string | undefined {
  const out = str(name);
  return out ? out.replace(/\.[0-9a-f]{6,}(?=\.|$)/gi, '') : undefined;
}

/** What one frame contributes to a group: where, which function, and its code line when short enough to be stable. */
export function frameComponent(frame: Frame): string[] {
  const parts: string[] = [];
  const where = normalizeModule(frame.module) ?? (str(frame.filename) ?? str(frame.abs_path) ? normalizeFilename((str(frame.filename) ?? str(frame.abs_path))!) : undefined);
  if (where) parts.push(where);
  const fn = normalizeFunction(frame.function);
  if (fn) parts.push(fn);
  const line = str(frame.context_line)?.trim();
  if (line && line.length <= 120) parts.push(line);
  return parts;
}
