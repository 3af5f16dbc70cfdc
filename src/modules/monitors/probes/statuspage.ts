import { z } from 'zod';
import { TimeoutMs } from './common-settings.ts';
import type { ProbeErrorCode } from './error-codes.ts';
import { statusMatches } from './http-assertions.ts';
import { fetchFollowing } from './http-fetch.ts';
import { PROBE_USER_AGENT } from './http-request.ts';
import type { ProbeOutcome, ProbeResult, ProbeType } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';
import { runProbe } from './run-probe.ts';

export const StatuspageSettings = z.object({
  /** The page's base URL, e.g. https://www.githubstatus.com; the probe reads `<base>/api/v2/status.json`. */
  baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
  timeoutMs: TimeoutMs.optional(),
});
export type StatuspageSettings = z.infer<typeof StatuspageSettings>;

const StatusDocument = z.object({
  page: z.object({ name: z.string(), updated_at: z.string() }).partial().optional(),
  status: z.object({ indicator: z.string(), description: z.string().optional() }),
});

const INDICATORS: Record<string, { outcome: ProbeOutcome; code?: ProbeErrorCode }> = {
  none: { outcome: 'up' },
  maintenance: { outcome: 'degraded', code: 'UPSTREAM_MAINTENANCE' },
  minor: { outcome: 'degraded', code: 'UPSTREAM_MINOR_OUTAGE' },
  major: { outcome: 'down', code: 'UPSTREAM_MAJOR_OUTAGE' },
  critical: { outcome: 'down', code: 'UPSTREAM_CRITICAL_OUTAGE' },
};

export function statusJsonUrl(baseUrl: string): URL {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return new URL('api/v2/status.json', base);
}

function readDocument(body: Buffer): z.infer<typeof StatusDocument> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ProbeFailure('INVALID_STATUS_PAGE', 'status.json is not valid JSON');
  }
  const parsed = StatusDocument.safeParse(json);
  if (!parsed.success || !INDICATORS[parsed.data.status.indicator]) {
    throw new ProbeFailure('INVALID_STATUS_PAGE', 'status.json has no known status.indicator', { details: { indicator: (json as { status?: { indicator?: unknown } })?.status?.indicator ?? null } });
  }
  return parsed.data;
}

export const statuspageProbe: ProbeType<StatuspageSettings> = {
  type: 'statuspage',
  settingsSchema: StatuspageSettings,
  defaultTimeoutMs: 10_000,
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs }, async (run): Promise<ProbeResult> => {
      const { response } = await fetchFollowing({
        url: statusJsonUrl(settings.baseUrl),
        method: 'GET',
        headers: { 'user-agent': PROBE_USER_AGENT, accept: 'application/json' },
        verifyTls: true,
        maxBodyBytes: 262_144,
        followRedirects: true,
        maxRedirects: 5,
        signal: run.signal,
      });
      if (!statusMatches(response.status, ['2xx'])) {
        throw new ProbeFailure('STATUS_MISMATCH', `status.json answered ${response.status}`, { details: { status: response.status }, timings: response.timings });
      }
      const document = readDocument(response.body);
      const { outcome, code } = INDICATORS[document.status.indicator];
      const latencyMs = run.elapsed();
      const details = {
        indicator: document.status.indicator,
        description: document.status.description ?? null,
        pageName: document.page?.name ?? null,
        updatedAt: document.page?.updated_at ?? null,
      };
      const result: ProbeResult = { outcome, latencyMs, timings: { ...response.timings, totalMs: latencyMs }, details };
      if (code) {
        result.errorCode = code;
        result.message = document.status.description ?? document.status.indicator;
      }
      return result;
    }),
};
