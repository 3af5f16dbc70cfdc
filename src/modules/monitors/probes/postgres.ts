import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, DatabaseError } from 'pg';
import { z } from 'zod';
import { Host, Port, TimeoutMs } from './common-settings.ts';
import type { ProbeErrorCode } from './error-codes.ts';
import type { ProbeResult, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { abortPromise, runProbe } from './run-probe.ts';
import { PhaseTimer } from './timing.ts';

export const PostgresSettings = z
  .object({
    connectionString: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL').optional(),
    host: Host.optional(),
    port: Port.optional(),
    user: z.string().min(1).optional(),
    password: z.string().optional(),
    database: z.string().min(1).optional(),
    ssl: z.enum(['disable', 'require', 'verify-full']).optional(),
    /**
     * Runs in a read-only transaction with the probe timeout as statement_timeout, so a monitor can
     * neither change data nor leave a query running. The whole result is read: keep it small.
     */
    query: z.string().trim().min(1).max(10_000).optional(),
    /** The first column of the first row, as text (`t`/`f` for booleans are given as `true`/`false`). */
    expect: z.string().optional(),
    timeoutMs: TimeoutMs.optional(),
  })
  .refine((s) => (s.connectionString === undefined) !== (s.host === undefined), {
    message: 'give either connectionString or host (with port, user, password, database)',
    path: ['connectionString'],
  });
export type PostgresSettings = z.infer<typeof PostgresSettings>;

const SQLSTATE_FAILURES: Record<string, ProbeErrorCode> = {
  '28000': 'AUTH_FAILED',
  '28P01': 'AUTH_FAILED',
  '3D000': 'DATABASE_NOT_FOUND',
  '53300': 'TOO_MANY_CONNECTIONS',
  '57014': 'TIMEOUT',
};

function classifyPostgresError(err: unknown): ProbeFailure | undefined {
  if (err instanceof DatabaseError) {
    const sqlstate = err.code ?? 'unknown';
    return new ProbeFailure(SQLSTATE_FAILURES[sqlstate] ?? 'QUERY_FAILED', err.message, { details: { sqlstate } });
  }
  const message = err instanceof Error ? err.message : '';
  if (message.startsWith('Connection terminated')) return new ProbeFailure('CONNECTION_CLOSED', message);
  if (/does not support SSL/.test(message)) return new ProbeFailure('TLS_HANDSHAKE_FAILED', message);
  return undefined;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function createClient(settings: PostgresSettings, sockets: net.Socket[], timer: PhaseTimer): Client {
  const target = settings.connectionString
    ? { connectionString: settings.connectionString }
    : { host: settings.host, port: settings.port ?? 5432, user: settings.user, password: settings.password, database: settings.database };
  const ssl = settings.ssl === undefined ? {} : { ssl: settings.ssl === 'disable' ? false : { rejectUnauthorized: settings.ssl === 'verify-full' } };
  return new Client({
    ...target,
    ...ssl,
    application_name: 'custos-probe',
    // Owning the socket lets an abort destroy it even mid-handshake, where client.end() can hang.
    stream: () => {
      const socket = new net.Socket();
      sockets.push(socket);
      timer.trace(socket);
      return socket;
    },
  });
}

export const postgresProbe: ProbeType<PostgresSettings> = {
  type: 'postgres',
  settingsSchema: PostgresSettings,
  defaultTimeoutMs: 10_000,
  secretPaths: ['password', 'connectionString'],
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs, classify: classifyPostgresError }, async (run): Promise<ProbeResult> => {
      const sockets: net.Socket[] = [];
      const timer = new PhaseTimer();
      const client = createClient(settings, sockets, timer);
      client.on('error', () => {});
      const aborted = abortPromise(run.signal);
      const within = <T>(work: Promise<T>) => Promise.race([work, aborted.promise]);
      let connected = false;
      try {
        await within(client.connect());
        connected = true;
        await within(client.query(`begin read only; set local statement_timeout = ${Math.ceil(run.timeoutMs)}`));
        const result = await within(client.query({ text: settings.query ?? 'select 1', rowMode: 'array' }));
        await within(client.query('rollback'));
        const last = Array.isArray(result) ? result.at(-1) : result;
        const rows = (last?.rows ?? []) as unknown[][];
        const value = rows.length > 0 ? asText(rows[0][0]) : undefined;
        const latencyMs = run.elapsed();
        const timings = { ...timer.timings(), totalMs: latencyMs };
        const details: Record<string, unknown> = { rowCount: rows.length, ...(value === undefined ? {} : { value: value.slice(0, 200) }) };
        if (settings.expect !== undefined && value !== settings.expect) {
          const message = `expected ${JSON.stringify(settings.expect)}, got ${value === undefined ? 'no rows' : JSON.stringify(value.slice(0, 200))}`;
          return { outcome: 'down', latencyMs, timings, errorCode: 'QUERY_MISMATCH', message, details: { ...details, expected: settings.expect } };
        }
        return { outcome: 'up', latencyMs, timings, details };
      } finally {
        aborted.dispose();
        if (connected && !run.signal.aborted) await Promise.race([client.end().catch(() => {}), delay(1_000, undefined, { ref: false })]);
        else client.end().catch(() => {});
        for (const socket of sockets) socket.destroy();
      }
    }),
};
