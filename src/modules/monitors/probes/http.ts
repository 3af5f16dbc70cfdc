import { z } from 'zod';
import { compilesAsRegex, TimeoutMs } from './common-settings.ts';
import { checkBody, checkHeaders, checkJson, checkStatus, HeaderAssertion, JsonAssertion, StatusMatcher } from './http-assertions.ts';
import { displayUrl, fetchFollowing } from './http-fetch.ts';
import { PROBE_USER_AGENT } from './http-request.ts';
import type { ProbeResult, ProbeType } from './probe.ts';
import { runProbe } from './run-probe.ts';

const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid header name');
const HeaderValue = z.string().regex(/^[^\r\n\0]*$/, 'header values cannot contain line breaks');

export const HttpAuth = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), username: z.string().regex(/^[^:\r\n]*$/, 'cannot contain ":" or line breaks'), password: HeaderValue }),
  z.object({ type: z.literal('bearer'), token: HeaderValue.min(1) }),
]);
export type HttpAuth = z.infer<typeof HttpAuth>;

export const HttpSettings = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
    headers: z.record(HeaderName, HeaderValue).default({}),
    body: z.string().max(1_048_576).optional(),
    auth: HttpAuth.optional(),
    followRedirects: z.boolean().default(true),
    maxRedirects: z.int().min(0).max(20).default(5),
    verifyTls: z.boolean().default(true),
    /** Trusted CA certificates (PEM) replacing the system roots, for private PKI. */
    ca: z.string().includes('-----BEGIN CERTIFICATE-----', { error: 'expected PEM certificates' }).optional(),
    timeoutMs: TimeoutMs.optional(),
    maxBodyBytes: z.int().min(0).max(10 * 1_048_576).default(65_536),
    expectStatus: z.array(StatusMatcher).min(1).default(['200-299']),
    expectHeaders: z.array(HeaderAssertion).default([]),
    bodyContains: z.array(z.string().min(1)).default([]),
    bodyNotContains: z.array(z.string().min(1)).default([]),
    bodyMatches: z.string().max(1000).refine(compilesAsRegex, 'not a valid regular expression').optional(),
    json: z.array(JsonAssertion).default([]),
    maxResponseMs: z.int().min(1).optional(),
    degradedAboveMs: z.int().min(1).optional(),
  })
  .refine((s) => s.body === undefined || (s.method !== 'GET' && s.method !== 'HEAD'), { message: 'GET and HEAD requests carry no body', path: ['body'] })
  .refine((s) => s.maxResponseMs === undefined || s.degradedAboveMs === undefined || s.degradedAboveMs < s.maxResponseMs, {
    message: 'must be below maxResponseMs',
    path: ['degradedAboveMs'],
  });
export type HttpSettings = z.infer<typeof HttpSettings>;

function requestHeaders(settings: HttpSettings): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': PROBE_USER_AGENT, ...settings.headers };
  const auth = settings.auth;
  if (auth?.type === 'basic') headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  if (auth?.type === 'bearer') headers.authorization = `Bearer ${auth.token}`;
  if (settings.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return headers;
}

export const httpProbe: ProbeType<HttpSettings> = {
  type: 'http',
  settingsSchema: HttpSettings,
  defaultTimeoutMs: 10_000,
  secretPaths: ['auth.password', 'auth.token'],
  check: (settings, ctx) =>
    runProbe(ctx, { timeoutMs: settings.timeoutMs }, async (run): Promise<ProbeResult> => {
      const { response, finalUrl, redirects } = await fetchFollowing({
        url: new URL(settings.url),
        method: settings.method,
        headers: requestHeaders(settings),
        body: settings.body,
        verifyTls: settings.verifyTls,
        ca: settings.ca,
        maxBodyBytes: settings.maxBodyBytes,
        followRedirects: settings.followRedirects,
        maxRedirects: settings.maxRedirects,
        signal: run.signal,
      });
      const latencyMs = run.elapsed();
      const timings = { ...response.timings, totalMs: latencyMs };
      const details: Record<string, unknown> = {
        status: response.status,
        finalUrl: displayUrl(finalUrl),
        redirects: redirects.length,
        httpVersion: response.httpVersion,
        bodyBytes: response.body.length,
        bodyTruncated: response.bodyTruncated,
      };
      const text = response.body.toString('utf8');
      const failure =
        checkStatus(response.status, settings.expectStatus) ??
        checkHeaders(response.headers, settings.expectHeaders) ??
        checkBody(text, settings) ??
        checkJson(text, response.bodyTruncated, settings.json);
      if (failure) return { outcome: 'down', latencyMs, timings, errorCode: failure.code, message: failure.message, details: { ...details, ...failure.details } };
      if (settings.maxResponseMs !== undefined && latencyMs > settings.maxResponseMs) {
        return { outcome: 'down', latencyMs, timings, errorCode: 'RESPONSE_TOO_SLOW', message: `took ${latencyMs} ms, limit ${settings.maxResponseMs} ms`, details };
      }
      if (settings.degradedAboveMs !== undefined && latencyMs > settings.degradedAboveMs) {
        return { outcome: 'degraded', latencyMs, timings, errorCode: 'RESPONSE_SLOW', message: `took ${latencyMs} ms, degraded above ${settings.degradedAboveMs} ms`, details };
      }
      return { outcome: 'up', latencyMs, timings, details };
    }),
};
