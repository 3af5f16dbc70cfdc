import net from 'node:net';
import { z } from 'zod';
import { Host, Port, TimeoutMs } from './common-settings.ts';
import type { ProbeResult, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { runProbe } from './run-probe.ts';
import { PhaseTimer } from './timing.ts';

export const TcpSettings = z
  .object({
    host: Host,
    port: Port,
    /** Written after connecting, as UTF-8. */
    send: z.string().max(65_536).optional(),
    /** Substring the reply must contain. */
    expect: z.string().min(1).max(4_096).optional(),
    timeoutMs: TimeoutMs.optional(),
  })
  .refine((s) => s.send === undefined || s.send.length > 0, { message: 'must not be empty', path: ['send'] });
export type TcpSettings = z.infer<typeof TcpSettings>;

const MAX_REPLY_BYTES = 65_536;
const SHOWN_REPLY_CHARS = 256;

interface Exchange {
  reply?: string;
  timer: PhaseTimer;
}

function exchange(settings: TcpSettings, signal: AbortSignal): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const timer = new PhaseTimer();
    const socket = net.connect({ host: settings.host, port: settings.port });
    timer.trace(socket);
    let reply = '';
    let settled = false;
    const settle = (complete: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      complete();
    };
    const onAbort = () => settle(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (err) => settle(() => reject(err)));
    socket.setEncoding('utf8');

    socket.on('connect', () => {
      if (settings.expect === undefined) {
        if (settings.send === undefined) settle(() => resolve({ timer }));
        else socket.write(settings.send, () => settle(() => resolve({ timer })));
        return;
      }
      if (settings.send !== undefined) socket.write(settings.send);
    });
    socket.on('data', (chunk: string) => {
      if (reply === '') timer.markFirstByte();
      reply = (reply + chunk).slice(-MAX_REPLY_BYTES);
      if (settings.expect !== undefined && reply.includes(settings.expect)) settle(() => resolve({ reply, timer }));
    });
    socket.on('end', () =>
      settle(() =>
        reject(
          new ProbeFailure(reply === '' ? 'CONNECTION_CLOSED' : 'UNEXPECTED_REPLY', reply === '' ? 'closed without replying' : `the reply does not contain "${settings.expect}"`, {
            details: { reply: reply.slice(0, SHOWN_REPLY_CHARS) },
            timings: timer.timings(),
          }),
        ),
      ),
    );
  });
}

export const tcpProbe: ProbeType<TcpSettings> = {
  type: 'tcp',
  settingsSchema: TcpSettings,
  defaultTimeoutMs: 10_000,
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs }, async (run): Promise<ProbeResult> => {
      const { reply, timer } = await exchange(settings, run.signal);
      const latencyMs = run.elapsed();
      const details: Record<string, unknown> = { host: settings.host, port: settings.port };
      if (reply !== undefined) details.reply = reply.slice(0, SHOWN_REPLY_CHARS);
      return { outcome: 'up', latencyMs, timings: { ...timer.timings(), totalMs: latencyMs }, details };
    }),
};
