import { HEARTBEAT_SLUG } from '../monitors/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PING_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export interface PingAction {
  kind: 'success' | 'fail' | 'start' | 'log';
  filterable: boolean;
  exitStatus: number | null;
}

export type ParsedPingUrl =
  | { ok: true; target: { pingId: string } | { key: string; slug: string }; action: PingAction }
  | { ok: false; status: 400 | 404; message: string };

const VERBS: Record<string, PingAction> = {
  start: { kind: 'start', filterable: false, exitStatus: null },
  fail: { kind: 'fail', filterable: false, exitStatus: null },
  log: { kind: 'log', filterable: false, exitStatus: null },
};

function action(verb: string | undefined): PingAction | null {
  if (verb === undefined) return { kind: 'success', filterable: true, exitStatus: null };
  if (Object.hasOwn(VERBS, verb)) return VERBS[verb];
  if (!/^\d{1,6}$/.test(verb)) return null;
  const code = Number(verb);
  return code > 255 ? null : { kind: code === 0 ? 'success' : 'fail', filterable: false, exitStatus: code };
}

/**
 * Reads the Healthchecks URL forms: `/ping/<uuid>[/start|/fail|/log|/<exit-status>]` and
 * `/ping/<ping-key>/<slug>[/...]`. A first segment shaped like a uuid is a uuid; anything else
 * is a ping key. Exit statuses above 255, unknown verbs and malformed slugs answer 400.
 */
export function parsePingUrl(segments: string[]): ParsedPingUrl {
  const [first, second, third] = segments;
  if (UUID.test(first)) {
    if (third !== undefined) return { ok: false, status: 404, message: 'not found' };
    const act = action(second);
    return act ? { ok: true, target: { pingId: first.toLowerCase() }, action: act } : { ok: false, status: 400, message: 'invalid url format' };
  }
  if (second === undefined || !PING_KEY.test(first)) return { ok: false, status: 404, message: 'not found' };
  if (!HEARTBEAT_SLUG.test(second)) return { ok: false, status: 400, message: 'invalid url format' };
  const act = action(third);
  return act ? { ok: true, target: { key: first, slug: second }, action: act } : { ok: false, status: 400, message: 'invalid url format' };
}

/** Run ids are uuids, as in Healthchecks; absent is fine, malformed is a 400. */
export function parseRid(rid: unknown): { ok: true; rid: string | null } | { ok: false } {
  if (rid === undefined || rid === '') return { ok: true, rid: null };
  return typeof rid === 'string' && UUID.test(rid) ? { ok: true, rid: rid.toLowerCase() } : { ok: false };
}
