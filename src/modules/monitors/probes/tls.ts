import net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import { z } from 'zod';
import { Host, Port, TimeoutMs } from './common-settings.ts';
import type { ProbeErrorCode } from './error-codes.ts';
import { tlsVerifyFailureCode } from './network-errors.ts';
import type { ProbeOutcome, ProbeResult, ProbeTimings, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { runProbe } from './run-probe.ts';
import { PhaseTimer } from './timing.ts';
import { describeCertificate, issuerChain } from './tls-certificate.ts';

const DAY_MS = 86_400_000;

export const TlsSettings = z
  .object({
    host: Host,
    port: Port.default(443),
    /** SNI and the name the certificate must cover; defaults to `host`. */
    servername: Host.refine((h) => net.isIP(h) === 0, 'SNI takes a host name, not an IP address').optional(),
    warningDays: z.int().min(0).max(3650).default(14),
    criticalDays: z.int().min(0).max(3650).default(7),
    /** Trusted CA certificates (PEM) replacing the system roots, for private PKI. */
    ca: z.string().includes('-----BEGIN CERTIFICATE-----', { error: 'expected PEM certificates' }).optional(),
    timeoutMs: TimeoutMs.optional(),
  })
  .refine((s) => s.criticalDays <= s.warningDays, { message: 'must not be below criticalDays', path: ['warningDays'] });
export type TlsSettings = z.infer<typeof TlsSettings>;

/** Completes a handshake without verifying, so an invalid chain can still be read and reported. */
function handshake(settings: TlsSettings, signal: AbortSignal): Promise<{ socket: TLSSocket; timings: ProbeTimings }> {
  return new Promise((resolve, reject) => {
    const timer = new PhaseTimer();
    const socket = tls.connect({
      host: settings.host,
      port: settings.port,
      servername: settings.servername ?? (net.isIP(settings.host) ? undefined : settings.host),
      rejectUnauthorized: false,
      ...(settings.ca === undefined ? {} : { ca: settings.ca }),
    });
    timer.trace(socket);
    const finish = (complete: () => void) => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      complete();
    };
    const fail = (err: unknown) =>
      finish(() => {
        socket.destroy();
        reject(err);
      });
    const onAbort = () => fail(signal.reason);
    const onError = (err: Error) => fail(err);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', onError);
    socket.once('secureConnect', () => finish(() => resolve({ socket, timings: timer.timings() })));
  });
}

function judge(problems: Array<[ProbeErrorCode, ProbeOutcome, string]>): Pick<ProbeResult, 'outcome' | 'errorCode' | 'message'> {
  const worst = problems.find(([, outcome]) => outcome === 'down') ?? problems[0];
  return worst ? { outcome: worst[1], errorCode: worst[0], message: worst[2] } : { outcome: 'up' };
}

export const tlsProbe: ProbeType<TlsSettings> = {
  type: 'tls',
  settingsSchema: TlsSettings,
  defaultTimeoutMs: 10_000,
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs }, async (run): Promise<ProbeResult> => {
      const { socket, timings } = await handshake(settings, run.signal);
      socket.on('error', () => {});
      try {
        const peer = socket.getPeerCertificate(true);
        if (!peer?.raw) throw new ProbeFailure('TLS_HANDSHAKE_FAILED', 'the server sent no certificate', { timings });
        const cert = describeCertificate(peer.raw);
        const identity = settings.servername ?? settings.host;
        const hostnameMatch = tls.checkServerIdentity(identity, peer) === undefined;
        const authorizationError = socket.authorizationError === null ? undefined : String(socket.authorizationError);
        // Node folds a failed identity check into authorizationError; the chain itself may still be valid.
        const chainError = authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : authorizationError;
        const now = ctx.now();
        const remainingMs = Date.parse(cert.notAfter) - now;
        const daysRemaining = Math.floor(remainingMs / DAY_MS);
        const problems: Array<[ProbeErrorCode, ProbeOutcome, string]> = [];
        if (remainingMs <= 0) problems.push(['TLS_CERT_EXPIRED', 'down', `expired on ${cert.notAfter}`]);
        else if (Date.parse(cert.validFrom) > now) problems.push(['TLS_CERT_NOT_YET_VALID', 'down', `not valid before ${cert.validFrom}`]);
        if (chainError) problems.push([tlsVerifyFailureCode(chainError), 'down', `chain not trusted: ${chainError}`]);
        if (!hostnameMatch) problems.push(['TLS_HOSTNAME_MISMATCH', 'down', `the certificate does not cover ${identity}`]);
        if (remainingMs > 0 && remainingMs < settings.criticalDays * DAY_MS) problems.push(['CERT_EXPIRING_CRITICAL', 'down', `expires in ${daysRemaining} days`]);
        else if (remainingMs > 0 && remainingMs < settings.warningDays * DAY_MS) problems.push(['CERT_EXPIRING', 'degraded', `expires in ${daysRemaining} days`]);
        return {
          ...judge(problems),
          latencyMs: run.elapsed(),
          timings: { ...timings, totalMs: run.elapsed() },
          details: {
            ...cert,
            daysRemaining,
            chainValid: chainError === undefined,
            hostnameMatch,
            authorizationError: authorizationError ?? null,
            protocol: socket.getProtocol(),
            chain: issuerChain(peer),
            problems: problems.map(([code]) => code),
          },
        };
      } finally {
        socket.destroy();
      }
    }),
};
