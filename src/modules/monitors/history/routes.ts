import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CheckResult } from '../schemas.ts';
import { getLatencySeries } from './get-latency.ts';
import { getRetention } from './get-retention.ts';
import { getUptime } from './get-uptime.ts';
import { listCertificates } from './list-certificates.ts';
import { listFlips } from './list-flips.ts';
import { listCoverageGaps } from './list-gaps.ts';
import { listCheckResults } from './list-results.ts';
import {
  Certificate,
  CoverageGap,
  LatencyQuery,
  LatencySeries,
  ListResultsInput,
  MonitorFlip,
  PageQuery,
  Retention,
  UpdateRetentionInput,
  Uptime,
  UptimeQuery,
  UptimeSummary,
  UptimeSummaryInput,
} from './schemas.ts';
import { summarizeUptime } from './summarize-uptime.ts';
import { updateRetention } from './update-retention.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['monitor history'];
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const read = { policy: 'read' } as const;

export function historyRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/monitors/retention', { config: read, schema: { tags, response: { 200: Retention } } }, async (req) => getRetention({ ctx: req.ctx }));
  api.put('/monitors/retention', { config: { policy: 'admin' }, schema: { tags, body: UpdateRetentionInput, response: { 200: Retention } } }, async (req) =>
    updateRetention({ ctx: req.ctx, input: req.body }),
  );

  api.get('/monitors/:id/results', { config: read, schema: { tags, params: IdParams, querystring: ListResultsInput, response: { 200: page(CheckResult) } } }, async (req) =>
    listCheckResults({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  api.get('/monitors/:id/flips', { config: read, schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(MonitorFlip) } } }, async (req) =>
    listFlips({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  api.get('/monitors/:id/gaps', { config: read, schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(CoverageGap) } } }, async (req) =>
    listCoverageGaps({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  api.get(
    '/monitors/:id/certificates',
    { config: read, schema: { tags, params: IdParams, querystring: PageQuery.pick({ cursor: true, limit: true }), response: { 200: page(Certificate) } } },
    async (req) => listCertificates({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  api.get('/monitors/:id/uptime', { config: read, schema: { tags, params: IdParams, querystring: UptimeQuery, response: { 200: Uptime } } }, async (req) =>
    getUptime({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  api.get('/monitors/:id/latency', { config: read, schema: { tags, params: IdParams, querystring: LatencyQuery, response: { 200: LatencySeries } } }, async (req) =>
    getLatencySeries({ ctx: req.ctx, id: req.params.id, input: req.query }),
  );
  // Up to 10,000 monitors: the verb's typed output is serialized as is; validating megabytes of
  // our own output with zod would cost more than computing it. The schema still documents it.
  api.post(
    '/uptime/summary',
    { config: read, schema: { tags, body: UptimeSummaryInput, response: { 200: UptimeSummary } }, serializerCompiler: () => (data) => JSON.stringify(data) },
    async (req) => summarizeUptime({ ctx: req.ctx, input: req.body }),
  );
}
