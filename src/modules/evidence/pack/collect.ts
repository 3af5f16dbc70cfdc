import type { AuditEvent } from '../../audit/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { eventAt, eventsBetween } from '../chain-reader.ts';
import type { DayDigest } from '../results-digest.ts';

/** Every event recorded in [from, to), by sequence number: an event whose clock ran behind is fetched by its number. */
export async function chainSegment(ctx: Ctx, from: number, to: number): Promise<AuditEvent[]> {
  const events = await eventsBetween(ctx, from, to);
  if (events.length === 0) return events;
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  const out: AuditEvent[] = [];
  for (let seq = events[0].seq; seq <= events.at(-1)!.seq; seq++) {
    const e = bySeq.get(seq) ?? (await eventAt(ctx, seq));
    if (e) out.push(e);
  }
  return out;
}

const field = (v: unknown) => {
  const text = String(v ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csv = (header: string[], rows: unknown[][]) => [header.join(','), ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';

export const digestsCsv = (digests: DayDigest[]) =>
  csv(
    ['day', 'monitorId', 'results', 'sha256'],
    digests.flatMap((d) => Object.entries(d.monitors).map(([id, m]) => [d.day, id, m.results, m.sha256])),
  );
