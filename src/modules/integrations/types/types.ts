import type { z } from 'zod';
import type { Severity } from '../../alerts/index.ts';

/** A delivery as it arrived: headers (lower-case names) and the body's bytes, before any decoding. */
export interface HookRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FireChange {
  action: 'fire';
  dedupKey: string;
  /** The sender's own key for the alert (PagerDuty's dedup_key), echoed in answers. */
  ref?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  severity?: Severity;
  /** When the sender saw the change (ms); older changes than the one applied are ignored. */
  at?: number;
  startsAt?: number;
  generatorUrl?: string;
}

export interface ResolveChange {
  action: 'resolve';
  dedupKey: string;
  ref?: string;
  at?: number;
  annotations?: Record<string, string>;
}

export interface AcknowledgeChange {
  action: 'acknowledge';
  dedupKey: string;
  ref?: string;
}

export type AlertChange = FireChange | ResolveChange | AcknowledgeChange;

export interface ParsedDelivery {
  /** What happened, for the delivery log: `firing`, `workflow_run.completed`, `trigger`, `ping`. */
  event: string;
  /** The sender's own id of this delivery: one seen before is answered again and not applied. */
  senderDeliveryId?: string;
  changes: AlertChange[];
  /** Why a well-formed delivery changes nothing (a ping, another workflow, a run still going). */
  ignored?: string;
}

/** A delivery refused; `errors` lists every problem found (PagerDuty's `errors` array). */
export interface Rejection {
  status: 400 | 401 | 404;
  code: string;
  message: string;
  errors: string[];
}

export type ParseResult = { ok: true; delivery: ParsedDelivery } | { ok: false; rejection: Rejection };

/** What a type may use from the integration and the delivery while parsing. */
export interface ParseContext {
  integrationId: string;
  integrationName: string;
  /** SHA-256 (hex) of the body. */
  contentHash: string;
  now: number;
}

export interface AppliedChange {
  dedupKey: string;
  ref: string | null;
  action: AlertChange['action'];
  /** The alerts verb's outcome: created, updated, unchanged, stale, resolved, reopened, acknowledged, unknown, not_firing. */
  result: string;
  alertId: string | null;
}

/** What became of a delivery, for the type to answer the sender in its own dialect. */
export interface DeliveryReport {
  id: string | null;
  duplicate: boolean;
  outcome: 'processed' | 'ignored' | 'rejected';
  event: string | null;
  changes: AppliedChange[];
  rejection: Rejection | null;
}

export interface HookAnswer {
  status: number;
  body: unknown;
}

/** A URL a sender posts to besides `POST /hooks/<token>`; without `:token` the token is found in the body. */
export interface HookRoute {
  url: string;
  tokenFrom?(json: unknown): string | undefined;
}

/**
 * A kind of inbound integration (alertmanager, github-actions, ...). One file per type declares its
 * settings schema, which settings are secret (encrypted at rest, masked in answers), how the sender
 * proves itself, and how a payload maps to alert changes. Shared code never branches on `type`.
 */
export interface IntegrationType<S = Record<string, unknown>> {
  type: string;
  label: string;
  settingsSchema: z.ZodType<S>;
  secretFields: readonly string[];
  /** Extra URLs this type's senders use (PagerDuty's `/v2/enqueue`). */
  routes?: readonly HookRoute[];
  /** Checks the sender's signature or credentials on the raw request; null when they hold. */
  authenticate?(request: HookRequest, settings: S): Rejection | null;
  parse(json: unknown, request: HookRequest, settings: S, context: ParseContext): ParseResult;
  /** The answer in the sender's dialect; without one, 200 JSON and the Custos error envelope. */
  answer?(report: DeliveryReport): HookAnswer;
}
