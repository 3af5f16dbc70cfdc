import type { Clock } from '../../../platform/clock.ts';
import type { Db, Dialect } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import { decodeBody } from './decode-body.ts';
import { LocalBackend, refusalEntry, type IngestBackend } from './backend.ts';
import { KeyCache, type IngestKey } from './key-cache.ts';
import { KeyRateLimiter } from './key-rate-limiter.ts';
import { inspectEnvelope, type Inspection } from './inspect-envelope.ts';
import { QueueGauge } from './queue-gauge.ts';
import { keyFromAuthHeader, keyFromDsn, valid } from './sentry-auth.ts';

export interface IngestLimits {
  /** Compressed body limit, enforced by the route before anything is read into memory beyond it. */
  maxCompressedBytes: number;
  maxInflatedBytes: number;
  maxEventBytes: number;
  /** Undigested envelopes above which ingest answers 429. */
  queueLimit: number;
  retryAfterSeconds: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxCompressedBytes: 10 * 1024 * 1024,
  maxInflatedBytes: 40 * 1024 * 1024,
  maxEventBytes: 1024 * 1024,
  queueLimit: 100_000,
  retryAfterSeconds: 10,
};

export interface IngestRequest {
  kind: 'envelope' | 'store';
  projectNumber: string;
  body: Buffer;
  contentEncoding: string | string[] | undefined;
  authHeader: string | string[] | undefined;
  queryKey: string | undefined;
}

export interface IngestServiceDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  limits: IngestLimits;
}

/** The envelope header line alone, for its `dsn` when the request carried no other credentials. */
function headerDsn(body: Buffer): unknown {
  const end = body.indexOf(0x0a);
  try {
    return (JSON.parse(body.subarray(0, end === -1 ? body.length : end).toString('utf8')) as { dsn?: unknown }).dsn;
  } catch {
    return undefined;
  }
}

const total = (counted: Map<string, number>) => [...counted.values()].reduce((n, q) => n + q, 0);

/**
 * Accepts Sentry envelopes: authenticates the DSN key, inflates with caps, reads the envelope's
 * shape for limits, then has the backend validate, scrub and queue it, answering only after its
 * queue row and counts committed (group commit). Every refusal of a known key is counted per
 * reason before the answer goes out.
 */
export class IngestService {
  readonly keys: KeyCache;
  readonly gauge: QueueGauge;
  readonly #deps: IngestServiceDeps;
  #backend: IngestBackend;
  readonly #limiter = new KeyRateLimiter();

  constructor(deps: IngestServiceDeps) {
    this.#deps = deps;
    this.keys = new KeyCache(deps.db, deps.clock);
    this.gauge = new QueueGauge(deps.db, deps.logger);
    this.#backend = new LocalBackend({ db: deps.db, dialect: deps.dialect, logger: deps.logger, maxEventBytes: deps.limits.maxEventBytes });
  }

  get limits(): IngestLimits {
    return this.#deps.limits;
  }

  drain(): Promise<void> {
    return this.#backend.drain();
  }

  /** Parses and commits through `backend` from now on (the writer thread), after what is pending here. */
  async useBackend(backend: IngestBackend): Promise<void> {
    const previous = this.#backend;
    this.#backend = backend;
    await previous.drain();
  }

  async ingest(req: IngestRequest): Promise<{ id: string | null }> {
    if (!/^\d{1,15}$/.test(req.projectNumber)) throw new AppError('INGEST_PROJECT_INVALID', 'The project id in the URL must be a number');
    const named = keyFromAuthHeader(req.authHeader) ?? valid(req.queryKey);
    let key = named ? await this.#authenticate(named, req.projectNumber) : null;
    let raw: Buffer;
    let inspection: Inspection;
    try {
      raw = await decodeBody(req.body, req.contentEncoding, this.#deps.limits.maxInflatedBytes);
      if (!key) {
        const fromDsn = req.kind === 'envelope' ? keyFromDsn(headerDsn(raw)) : null;
        if (!fromDsn) throw new AppError('INGEST_AUTH_MISSING', 'Name the DSN key: X-Sentry-Auth, ?sentry_key= or the envelope dsn');
        key = await this.#authenticate(fromDsn, req.projectNumber);
      }
      inspection = inspectEnvelope(req.kind, raw, this.#deps.limits);
    } catch (err) {
      if (key && err instanceof AppError && err.status < 500) await this.#count(refusalEntry(key, this.#deps.clock.now(), err.code.toLowerCase(), null));
      throw err;
    }
    await this.#limit(key, inspection);
    return this.#accept(key, req.kind, raw);
  }

  /** Counts a request refused before its body was read (too large for the route). */
  async rejectUnread(req: Pick<IngestRequest, 'authHeader' | 'queryKey' | 'projectNumber'>, reason: string): Promise<void> {
    const named = keyFromAuthHeader(req.authHeader) ?? valid(req.queryKey);
    if (!named || !/^\d{1,15}$/.test(req.projectNumber)) return;
    const key = await this.keys.resolve(named);
    if (key && String(key.projectNumber) === req.projectNumber) await this.#count(refusalEntry(key, this.#deps.clock.now(), reason, null));
  }

  async #authenticate(publicKey: string, projectNumber: string): Promise<IngestKey> {
    const key = await this.keys.resolve(publicKey);
    if (!key || String(key.projectNumber) !== projectNumber) throw new AppError('INGEST_KEY_INVALID', 'The DSN key is unknown, revoked or not for this project');
    return key;
  }

  /** Throws, once the refusal is counted, when the key's minute or the queue is full. */
  async #limit(key: IngestKey, inspection: Inspection): Promise<void> {
    const now = this.#deps.clock.now();
    const { retryAfterSeconds, queueLimit } = this.#deps.limits;
    const refuse = async (reason: string, err: AppError) => {
      await this.#count(refusalEntry(key, now, reason, inspection.counted, inspection.clientDiscards));
      return err;
    };
    const wait = this.#limiter.take(key.keyId, key.rateLimitPerMinute, total(inspection.counted), now);
    if (wait !== null) {
      throw await refuse('key_rate_limit', new AppError('INGEST_KEY_RATE_LIMITED', `This DSN key is limited to ${key.rateLimitPerMinute} items a minute`, {
        details: { retryAfterSeconds: wait, rateLimits: `${wait}::key:key_quota` },
      }));
    }
    if (inspection.queues && this.gauge.depth() >= queueLimit) {
      throw await refuse('queue_full', new AppError('INGEST_QUEUE_FULL', 'The ingest queue is full; retry later', {
        details: { retryAfterSeconds, rateLimits: `${retryAfterSeconds}::organization:queue_full` },
      }));
    }
  }

  async #accept(key: IngestKey, kind: IngestRequest['kind'], raw: Buffer): Promise<{ id: string | null }> {
    let outcome;
    try {
      outcome = await this.#backend.accept({ key, kind, raw, at: this.#deps.clock.now() });
    } catch (err) {
      this.#deps.logger.error({ err }, 'envelope could not be queued');
      throw new AppError('INGEST_UNAVAILABLE', 'The event could not be stored; it was not accepted', { cause: err });
    }
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message, { details: outcome.details });
    if (outcome.queued) this.gauge.added(1);
    return { id: outcome.eventId };
  }

  async #count(entry: Parameters<IngestBackend['count']>[0]): Promise<void> {
    try {
      await this.#backend.count(entry);
    } catch (err) {
      this.#deps.logger.error({ err }, 'a refusal could not be counted');
    }
  }
}
