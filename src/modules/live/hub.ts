import { LimitExceededError } from '../../platform/errors.ts';
import { LIVE_ERRORS } from './errors.ts';

const STREAM_LIMIT: keyof typeof LIVE_ERRORS = 'LIVE_STREAM_LIMIT';

/** One open event stream: receives already-formatted Server-Sent Events frames. */
export interface LiveStream {
  send(frame: string): void;
  close(): void;
}

export interface LiveHubOptions {
  maxStreamsPerOrg: number;
  /** Events with the same key within this window reach clients once, as the latest. */
  coalesceMs: number;
}

/** Open event streams by organization, with a cap per organization. */
export class LiveHub {
  readonly #streams = new Map<string, Set<LiveStream>>();
  readonly #options: LiveHubOptions;
  /** Frames waiting for the next flush, by organization, then by key (latest wins). */
  readonly #pending = new Map<string, Map<string, string>>();
  #timer: NodeJS.Timeout | undefined;

  constructor(options: LiveHubOptions) {
    this.#options = options;
  }

  /** Registers a stream; throws LIVE_STREAM_LIMIT when the organization has too many open. */
  add(orgId: string, stream: LiveStream): () => void {
    const set = this.#streams.get(orgId) ?? new Set<LiveStream>();
    if (set.size >= this.#options.maxStreamsPerOrg) {
      throw new LimitExceededError(`At most ${this.#options.maxStreamsPerOrg} live event streams per organization`, STREAM_LIMIT, {
        limit: this.#options.maxStreamsPerOrg,
        retryAfterSeconds: 30,
      });
    }
    set.add(stream);
    this.#streams.set(orgId, set);
    return () => {
      set.delete(stream);
      if (set.size === 0 && this.#streams.get(orgId) === set) this.#streams.delete(orgId);
    };
  }

  /**
   * Queues a frame for the organization's streams. A busy organization publishes a state event
   * per check; coalescing by key (a monitor) bounds what each dashboard receives.
   */
  publish(orgId: string, key: string, frame: string): void {
    if (!this.#streams.has(orgId)) return;
    const frames = this.#pending.get(orgId) ?? new Map<string, string>();
    frames.delete(key);
    frames.set(key, frame);
    this.#pending.set(orgId, frames);
    this.#timer ??= setTimeout(() => this.flush(), this.#options.coalesceMs).unref();
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const [orgId, frames] of this.#pending) {
      const chunk = [...frames.values()].join('');
      for (const stream of this.#streams.get(orgId) ?? []) stream.send(chunk);
    }
    this.#pending.clear();
  }

  broadcast(frame: string): void {
    for (const set of this.#streams.values()) for (const stream of set) stream.send(frame);
  }

  count(orgId: string): number {
    return this.#streams.get(orgId)?.size ?? 0;
  }

  closeAll(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    // Closing removes the stream from its set; deleting the current entry is safe while iterating.
    for (const set of this.#streams.values()) for (const stream of set) stream.close();
  }
}

/** One Server-Sent Events frame; `data` is JSON on a single line, so it needs no escaping. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
