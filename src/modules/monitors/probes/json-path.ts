export type JsonPath = Array<string | number>;

const SEGMENT = /^(?:\.?([^.[\]"']+)|\[(\d+)\]|\[(?:"([^"]*)"|'([^']*)')\])/;

/** Parses `a.b[0].c`, with an optional leading `$` and bracketed keys (`a["x.y"]`). */
export function parseJsonPath(path: string): JsonPath {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const segments: JsonPath = [];
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) throw new Error(`invalid JSON path near "${rest}"`);
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[1] ?? match[3] ?? match[4]);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

export function isValidJsonPath(path: string): boolean {
  try {
    parseJsonPath(path);
    return true;
  } catch {
    return false;
  }
}

export function readJsonPath(root: unknown, path: JsonPath): { found: boolean; value?: unknown } {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return { found: true, value: current };
}
