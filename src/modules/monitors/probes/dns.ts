import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import { z } from 'zod';
import { TimeoutMs } from './common-settings.ts';
import { canonicalValue, DNS_RECORD_TYPES, queryRecords } from './dns-answers.ts';
import type { ProbeErrorCode } from './error-codes.ts';
import type { ProbeResult, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { runProbe } from './run-probe.ts';

/** `host[:port]` with an IP host (`192.0.2.53`, `192.0.2.53:5353`, `::1`, `[::1]:53`), normalised for `setServers`. */
export function parseResolverAddress(value: string): string | undefined {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(value) ?? (net.isIPv6(value) ? [value, value] : /^([^:]+)(?::(\d+))?$/.exec(value));
  const host = match?.[1];
  const port = match?.[2] === undefined ? 53 : Number(match[2]);
  if (!host || !net.isIP(host) || !Number.isInteger(port) || port < 1 || port > 65_535) return undefined;
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

export const DnsSettings = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[\w-]+(\.[\w-]+)*\.?$/, 'expected a domain name'),
    recordType: z.enum(DNS_RECORD_TYPES).default('A'),
    resolver: z
      .string()
      .refine((v) => parseResolverAddress(v) !== undefined, 'expected an IP address with an optional port, such as 192.0.2.53:5353 or [::1]:53')
      .optional(),
    expectValues: z.array(z.string().trim().min(1)).default([]),
    /** `exact`: the answer set equals `expectValues`; `contains`: every expected value is in the answer. */
    match: z.enum(['exact', 'contains']).default('contains'),
    expectRcode: z.enum(['NOERROR', 'NXDOMAIN']).default('NOERROR'),
    tries: z.int().min(1).max(5).default(2),
    timeoutMs: TimeoutMs.optional(),
  })
  .refine((s) => s.expectRcode === 'NOERROR' || s.expectValues.length === 0, { message: 'an NXDOMAIN answer has no values', path: ['expectValues'] });
export type DnsSettings = z.infer<typeof DnsSettings>;

const RESOLVER_FAILURES: Record<string, ProbeErrorCode> = {
  ENOTFOUND: 'DNS_NXDOMAIN',
  ENODATA: 'DNS_NO_DATA',
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_REFUSED',
  ETIMEOUT: 'DNS_TIMEOUT',
  ECONNREFUSED: 'DNS_CONNECTION_REFUSED',
};

function classifyResolverError(err: unknown): ProbeFailure | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || code === 'ECANCELLED') return undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new ProbeFailure(RESOLVER_FAILURES[code] ?? 'DNS_ERROR', message, { details: { resolverError: code } });
}

function resolverError(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const dnsProbe: ProbeType<DnsSettings> = {
  type: 'dns',
  settingsSchema: DnsSettings,
  defaultTimeoutMs: 5_000,
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs, timeoutCode: 'DNS_TIMEOUT', classify: classifyResolverError }, async (run): Promise<ProbeResult> => {
      const resolver = new Resolver({ timeout: Math.max(50, Math.floor(run.timeoutMs / settings.tries)), tries: settings.tries });
      if (settings.resolver) resolver.setServers([parseResolverAddress(settings.resolver) as string]);
      const onAbort = () => resolver.cancel();
      run.signal.addEventListener('abort', onAbort, { once: true });
      const base = { name: settings.name, recordType: settings.recordType, resolver: settings.resolver ?? resolver.getServers()[0] };
      let values: string[] | undefined;
      try {
        values = await queryRecords(resolver, settings.name, settings.recordType);
      } catch (err) {
        if (run.signal.aborted || settings.expectRcode !== 'NXDOMAIN' || !['ENOTFOUND', 'ENODATA'].includes(resolverError(err) ?? '')) throw err;
        if (resolverError(err) === 'ENOTFOUND') return { outcome: 'up', latencyMs: run.elapsed(), details: { ...base, rcode: 'NXDOMAIN' } };
      } finally {
        run.signal.removeEventListener('abort', onAbort);
      }
      const latencyMs = run.elapsed();
      const details = { ...base, rcode: 'NOERROR', values: values ?? [] };
      if (settings.expectRcode === 'NXDOMAIN') {
        return { outcome: 'down', latencyMs, errorCode: 'DNS_RCODE_MISMATCH', message: `${settings.name} exists; NXDOMAIN was expected`, details };
      }
      if (!values || values.length === 0) {
        return { outcome: 'down', latencyMs, errorCode: 'DNS_NO_DATA', message: `${settings.name} has no ${settings.recordType} records`, details };
      }
      const actual = new Set(values.map((v) => canonicalValue(settings.recordType, v)));
      const expected = settings.expectValues.map((v) => canonicalValue(settings.recordType, v));
      const missing = expected.filter((v) => !actual.has(v));
      const unexpected = settings.match === 'exact' && expected.length > 0 ? [...actual].filter((v) => !expected.includes(v)) : [];
      if (missing.length > 0 || unexpected.length > 0) {
        const message = missing.length > 0 ? `missing ${missing.join(', ')}` : `unexpected ${unexpected.join(', ')}`;
        return { outcome: 'down', latencyMs, errorCode: 'DNS_ANSWER_MISMATCH', message, details: { ...details, expected: settings.expectValues, missing, unexpected } };
      }
      return { outcome: 'up', latencyMs, details };
    }),
};
