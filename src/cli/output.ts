import type { CommandIo } from './command.ts';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatTable(rows: Record<string, unknown>[], columns?: string[]): string {
  if (rows.length === 0) return '(none)';
  const cols = columns ?? Object.keys(rows[0]);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(cols.map((c) => c.toUpperCase())), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

/** JSON output is a stable envelope: `{ "data": ... }` on success, `{ "error": ... }` on failure. */
export function printResult(io: CommandIo, output: 'json' | 'table', data: unknown, columns?: string[]): void {
  if (output === 'json') {
    io.stdout(JSON.stringify({ data }, null, 2));
    return;
  }
  if (Array.isArray(data)) io.stdout(formatTable(data as Record<string, unknown>[], columns));
  else if (data && typeof data === 'object') io.stdout(formatTable(Object.entries(data).map(([field, value]) => ({ field, value }))));
  else io.stdout(cell(data));
}
