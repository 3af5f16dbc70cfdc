import { addMember } from '../src/modules/auth/index.ts';
import type { Ctx, Role } from '../src/platform/context.ts';
import type { JobTables } from '../src/platform/jobs/index.ts';
import type { Runtime } from '../src/platform/runtime.ts';
import { createOrgWithOwner, TEST_PASSWORD } from './helpers/auth.ts';

export interface OncallPerson {
  id: string;
  email: string;
  name: string;
  /** Acts as this person (a `user` actor) with their role. */
  ctx: Ctx;
}

/** An organization with an owner and named members (ann@oncall.example.com, ...), the same users in every organization. */
export async function oncallOrg(runtime: Runtime, slug: string, names: string[], role: Role = 'responder') {
  // Shared people across organizations: a known user costs no password hash.
  const { org, ctx, owner } = await createOrgWithOwner(runtime, slug, { email: 'owner@oncall.example.com' });
  const people: Record<string, OncallPerson> = {};
  for (const name of names) {
    const m = await addMember({ ctx, input: { email: `${name}@oncall.example.com`, name: name[0].toUpperCase() + name.slice(1), role, password: TEST_PASSWORD } });
    people[name] = { id: m.userId, email: m.email, name: m.name, ctx: { ...ctx, role, actor: { type: 'user', id: m.userId, display: m.email } } };
  }
  return { org, ctx, owner, people };
}

/** Runs every due job, including jobs that the jobs it runs make due, until none is left due now. */
export async function drainJobs(runtime: Runtime, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) if ((await runtime.runner.runOnce()).claimed === 0) return;
}

const jobs = (runtime: Runtime) => runtime.db.withTables<JobTables>();

/** The `notification.send` jobs an escalation run enqueued, by idempotency key. */
export async function pageSends(runtime: Runtime, runId: string): Promise<{ key: string; channelId: string; payload: any }[]> {
  const rows = await jobs(runtime).selectFrom('jobs').select(['idempotency_key', 'payload']).where('kind', '=', 'notification.send').where('idempotency_key', 'like', `notify:esc:${runId}:%`).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ key: r.idempotency_key!, channelId: JSON.parse(r.payload).channelId, payload: JSON.parse(r.payload) }));
}

/** Puts a finished job back as if its worker had died after its work committed but before it recorded completion. */
export async function replayJob(runtime: Runtime, idempotencyKey: string): Promise<void> {
  const now = runtime.clock.now();
  await jobs(runtime)
    .updateTable('jobs')
    .set({ status: 'running', lease_owner: 'dead-worker', lease_expires_at: now - 1, finished_at: null })
    .where('idempotency_key', '=', idempotencyKey)
    .execute();
}

/** How often each job ran, once it is done (a replayed one ran twice). */
export async function jobAttempts(runtime: Runtime, keys: string[]): Promise<number[]> {
  const rows = await jobs(runtime).selectFrom('jobs').select(['idempotency_key', 'attempts', 'status']).where('idempotency_key', 'in', keys).execute();
  return keys.map((k) => rows.find((r) => r.idempotency_key === k && r.status === 'done')?.attempts ?? 0);
}

export interface ParsedCalendar {
  /** Physical lines as sent (CRLF-separated, still folded). */
  rawLines: string[];
  properties: { name: string; value: string }[];
  events: Record<string, string>[];
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** A strict reader for the feeds: CRLF lines, unfolding, one level of VEVENTs, TEXT unescaping. */
export function parseCalendar(text: string): ParsedCalendar {
  if (!text.endsWith('\r\n')) throw new Error('a calendar ends with CRLF');
  const rawLines = text.slice(0, -2).split('\r\n');
  if (rawLines.some((l) => l.includes('\n') || l.includes('\r'))) throw new Error('bare line break');
  const unfolded: string[] = [];
  for (const line of rawLines) {
    if (line.startsWith(' ') || line.startsWith('\t')) unfolded[unfolded.length - 1] += line.slice(1);
    else unfolded.push(line);
  }
  const properties = unfolded.map((line) => {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`not a content line: ${line}`);
    return { name: line.slice(0, colon), value: line.slice(colon + 1) };
  });
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const p of properties) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = {};
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[p.name] = ['SUMMARY', 'DESCRIPTION', 'UID'].includes(p.name) ? unescapeText(p.value) : p.value;
  }
  return { rawLines, properties, events };
}
