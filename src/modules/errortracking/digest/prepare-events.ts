import type { RedactionCounts } from '../../../platform/redact/index.ts';
import type { GroupingConfigs } from '../grouping/index.ts';
import { parseEnvelope } from '../ingest/envelope.ts';
import { eventIdOf } from '../ingest/prepare-envelope.ts';
import type { QueueRow, ErrorProjectsTable } from '../schema.ts';
import { describeEvent, type EventFacts } from './describe-event.ts';
import type { SourceMapCache } from './source-map-cache.ts';
import { symbolicateEvent } from './symbolicate.ts';

type Json = Record<string, unknown>;

export interface DigestEvent {
  seq: number;
  orgId: string;
  projectId: string;
  eventId: string;
  receivedAt: number;
  facts: EventFacts;
  userHash: string | null;
  /** The hash under the project's grouping config, then (during a transition) the previous config's. */
  hashes: string[];
  groupingConfig: string;
  data: string;
}

export interface PreparedRow {
  row: QueueRow;
  events: DigestEvent[];
  /** What scrubbing removed from source lines added by symbolication. */
  scrubCounts: RedactionCounts;
  /** Set when the row could not be read; the row is retried, then parked as failed. */
  error: string | null;
}

/**
 * SQLite calls are synchronous, so a batch would otherwise hold the thread's event loop from start
 * to end; yielding lets the writer thread take ingest requests (and commit them) in between.
 */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PrepareDeps {
  grouping: GroupingConfigs;
  sourceMaps: SourceMapCache;
  now: number;
}

/** Reads queued envelopes into events ready to store: symbolicated, described, hashed. */
export async function prepareEvents(rows: QueueRow[], projects: Map<string, ErrorProjectsTable>, deps: PrepareDeps): Promise<PreparedRow[]> {
  const out: PreparedRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (i % 32 === 31) await yieldToLoop();
    try {
      const scrubCounts: RedactionCounts = {};
      out.push({ row, events: await readRow(row, projects.get(row.project_id), deps, scrubCounts), scrubCounts, error: null });
    } catch (err) {
      out.push({ row, events: [], scrubCounts: {}, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
  return out;
}

async function readRow(row: QueueRow, project: ErrorProjectsTable | undefined, deps: PrepareDeps, scrubCounts: RedactionCounts): Promise<DigestEvent[]> {
  if (!project) return [];
  const envelope = parseEnvelope(Buffer.from(row.body, 'utf8'), { maxItems: 10_000, maxHeaderBytes: 1024 * 1024 });
  const events: DigestEvent[] = [];
  const receivedAt = Number(row.received_at);
  for (const item of envelope.items) {
    if (item.type !== 'event') continue;
    const text = item.payload.toString('utf8');
    const parsed = JSON.parse(text) as Json;
    const { event } = await symbolicateEvent(parsed, project.id, deps.sourceMaps, deps.now, project.scrub_enabled ? scrubCounts : null);
    const hashes = [deps.grouping.hash(project.grouping_config, event)];
    const previous = project.grouping_previous;
    if (previous && deps.grouping.has(previous) && Number(project.grouping_previous_until ?? 0) > deps.now) {
      const old = deps.grouping.hash(previous, event);
      if (old !== hashes[0]) hashes.push(old);
    }
    const data = event === parsed ? text : JSON.stringify(event);
    events.push({
      seq: Number(row.seq),
      orgId: row.org_id,
      projectId: row.project_id,
      eventId: eventIdOf(event.event_id) ?? `${row.seq}`.padStart(32, '0'),
      receivedAt,
      facts: describeEvent(event, receivedAt),
      userHash: typeof item.header.custos_user === 'string' ? item.header.custos_user : null,
      hashes,
      groupingConfig: project.grouping_config,
      data,
    });
  }
  return events;
}
