import { setTimeout as delay } from 'node:timers/promises';
type RedisLibrary = typeof import('redis');

// node-redis costs ~30 MB of memory to load; only installations with redis monitors pay for it.
let redisLibrary: Promise<RedisLibrary> | undefined;
const loadRedis = () => (redisLibrary ??= import('redis'));
import { z } from 'zod';
import { TimeoutMs } from './common-settings.ts';
import type { ProbeResult, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { abortPromise, runProbe } from './run-probe.ts';

/** Commands that would hijack the probe's connection or harm the server it watches. */
const REFUSED_COMMANDS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR', 'SYNC', 'PSYNC', 'QUIT', 'RESET', 'SHUTDOWN', 'FLUSHALL', 'FLUSHDB', 'DEBUG']);

export const RedisSettings = z.object({
  url: z.string().refine((u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol), 'expected a redis:// or rediss:// URL'),
  /** The command as arguments, e.g. ["GET", "maintenance-flag"]; PING when absent. */
  command: z
    .array(z.string().max(4_096))
    .min(1)
    .max(32)
    .refine((args) => !REFUSED_COMMANDS.has(args[0].toUpperCase()), 'this command is not allowed in a probe')
    .optional(),
  /** The reply as text; arrays as JSON, a nil reply as "(nil)". Defaults to PONG for PING. */
  expect: z.string().optional(),
  expectMatch: z.enum(['exact', 'contains']).default('exact'),
  timeoutMs: TimeoutMs.optional(),
});
export type RedisSettings = z.infer<typeof RedisSettings>;

function replyText(reply: unknown): string {
  if (reply === null || reply === undefined) return '(nil)';
  if (Buffer.isBuffer(reply)) return reply.toString('utf8');
  if (typeof reply === 'object') return JSON.stringify(reply, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('utf8') : value));
  return String(reply);
}

function classifyRedisError({ ErrorReply, ConnectionTimeoutError, SocketClosedUnexpectedlyError }: RedisLibrary, err: unknown): ProbeFailure | undefined {
  if (err instanceof ErrorReply) {
    const auth = /^(WRONGPASS|NOAUTH|NOPERM)\b|\bAUTH\b/.test(err.message);
    return new ProbeFailure(auth ? 'AUTH_FAILED' : 'COMMAND_FAILED', err.message, { details: { reply: err.message.slice(0, 200) } });
  }
  if (err instanceof ConnectionTimeoutError) return new ProbeFailure('TIMEOUT', err.message);
  if (err instanceof SocketClosedUnexpectedlyError) return new ProbeFailure('CONNECTION_CLOSED', err.message);
  return undefined;
}

export const redisProbe: ProbeType<RedisSettings> = {
  type: 'redis',
  settingsSchema: RedisSettings,
  defaultTimeoutMs: 10_000,
  secretPaths: ['url'],
  check: async (settings, ctx) => {
    const redis = await loadRedis();
    return runProbe(ctx, { timeoutMs: settings.timeoutMs, classify: (err) => classifyRedisError(redis, err) }, async (run): Promise<ProbeResult> => {
      const client = redis.createClient({
        url: settings.url,
        name: 'custos-probe',
        disableOfflineQueue: true,
        // One connection per check: a lost connection is the result, never a reason to reconnect.
        socket: { connectTimeout: run.timeoutMs, reconnectStrategy: false },
      });
      client.on('error', () => {});
      const aborted = abortPromise(run.signal);
      const within = <T>(work: Promise<T>) => Promise.race([work, aborted.promise]);
      try {
        await within(client.connect());
        const reply = replyText(await within(client.sendCommand(settings.command ?? ['PING'])));
        const latencyMs = run.elapsed();
        const details = { reply: reply.slice(0, 200) };
        const expected = settings.expect ?? (settings.command ? undefined : 'PONG');
        const matches = expected === undefined || (settings.expectMatch === 'exact' ? reply === expected : reply.includes(expected));
        if (!matches) {
          return { outcome: 'down', latencyMs, timings: { totalMs: latencyMs }, errorCode: 'UNEXPECTED_REPLY', message: `expected ${JSON.stringify(expected)}`, details: { ...details, expected } };
        }
        return { outcome: 'up', latencyMs, timings: { totalMs: latencyMs }, details };
      } finally {
        aborted.dispose();
        if (client.isReady && !run.signal.aborted) await Promise.race([client.close().catch(() => {}), delay(1_000, undefined, { ref: false })]);
        if (client.isOpen) client.destroy();
      }
    });
  },
};
