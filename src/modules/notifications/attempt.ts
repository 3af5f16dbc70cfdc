import { createHash } from 'node:crypto';
import type { AnyChannelType, RenderedNotification, SendResult } from './channels/index.ts';
import { openSettings } from './channel-settings.ts';
import { readThread, writeThread } from './delivery-store.ts';
import type { NotificationDeps } from './deps.ts';
import type { ChannelsTable } from './schema.ts';

export type PreparedChannel = { ok: true; type: AnyChannelType; settings: Record<string, unknown> } | { ok: false; state: 'skipped' | 'failed'; error: string };

interface Remembered {
  row: ChannelsTable;
  prepared: PreparedChannel;
}

/**
 * Channels made ready to send (secrets decrypted, settings validated), kept while their stored row
 * is unchanged: a burst of deliveries through one channel decrypts its secrets once.
 */
export class PreparedChannels {
  readonly #byId = new Map<string, Remembered>();

  get(row: ChannelsTable, prepare: () => PreparedChannel): PreparedChannel {
    const seen = this.#byId.get(row.id);
    if (seen && sameStoredChannel(seen.row, row)) return seen.prepared;
    const prepared = prepare();
    if (this.#byId.size >= 1_000) this.#byId.delete(this.#byId.keys().next().value!);
    this.#byId.set(row.id, { row, prepared });
    return prepared;
  }
}

const sameStoredChannel = (a: ChannelsTable, b: ChannelsTable) =>
  a.updated_at === b.updated_at && a.type === b.type && a.enabled === b.enabled && a.settings === b.settings && a.secrets === b.secrets;

/** A channel ready to send, or why it cannot: disabled or without credentials is `skipped` (a visible no-op), unreadable is `failed`. */
export function prepareChannel(row: ChannelsTable | undefined, deps: NotificationDeps): PreparedChannel {
  if (!row) return { ok: false, state: 'skipped', error: 'skipped: channel deleted' };
  return deps.prepared ? deps.prepared.get(row, () => prepareRow(row, deps)) : prepareRow(row, deps);
}

function prepareRow(row: ChannelsTable, deps: NotificationDeps): PreparedChannel {
  if (!row.enabled) return { ok: false, state: 'skipped', error: 'skipped: channel disabled' };
  const type = deps.registry.find(row.type);
  if (!type) return { ok: false, state: 'failed', error: `channel type "${row.type}" is not available in this version` };
  let raw: Record<string, unknown>;
  try {
    raw = openSettings(row, deps.secrets());
  } catch (err) {
    return { ok: false, state: 'failed', error: `credentials unreadable: ${(err as { code?: string }).code ?? 'SECRET_UNREADABLE'}` };
  }
  const parsed = type.settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, state: 'failed', error: `stored settings are invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` };
  const lacking = type.missingCredentials(parsed.data);
  if (lacking.length > 0) return { ok: false, state: 'skipped', error: `skipped: missing credentials (${lacking.join(', ')})` };
  return { ok: true, type, settings: parsed.data as Record<string, unknown> };
}

export interface AttemptInput {
  deps: NotificationDeps;
  channel: ChannelsTable;
  prepared: Extract<PreparedChannel, { ok: true }>;
  rendered: RenderedNotification;
  idempotencyKey: string;
  signal?: AbortSignal;
}

/** One send with the per-attempt timeout; a channel that throws (a bug) counts as a retryable failure. */
export async function attemptSend(input: AttemptInput): Promise<{ result: SendResult; latencyMs: number }> {
  const { deps, channel, prepared, rendered } = input;
  const { db, clock } = deps.services;
  const timeoutMs = deps.options.attemptTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  const threadKey = createHash('sha256').update(rendered.message.groupKey).digest('hex');
  const memory = {
    get: () => readThread(db, channel.id, threadKey),
    set: (value: unknown) => writeThread(db, channel.org_id, channel.id, threadKey, value, clock.now()),
  };
  const started = performance.now();
  let result: SendResult;
  try {
    result = await prepared.type.send(rendered, prepared.settings, { signal, timeoutMs, idempotencyKey: input.idempotencyKey, now: () => clock.now(), memory });
  } catch (err) {
    // The error is logged by name only: a channel's message may quote its URL or credentials.
    deps.services.logger.error({ errName: (err as Error)?.name, channelType: channel.type, channelId: channel.id }, 'channel send threw');
    result = { ok: false, error: `channel error: ${(err as Error)?.name ?? 'Error'}` };
  }
  return { result, latencyMs: Math.round(performance.now() - started) };
}
