import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildReport } from './build-report.ts';
import { checkCompliance } from './check-compliance.ts';
import { ComplianceResult } from './compliance/schemas.ts';
import { methodology } from './methodology.ts';
import { renderReportCsv } from './render-csv.ts';
import { renderReportHtml } from './render-html.ts';
import { Report, ReportQuery } from './schemas.ts';

const tags = ['reports'];
const policy = { policy: 'audit' as const };

export function reportRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/reports', { config: policy, schema: { tags, querystring: ReportQuery, response: { 200: Report } } }, async (req) => buildReport({ ctx: req.ctx, input: req.query }));

  api.get('/reports/html', { config: policy, schema: { tags, querystring: ReportQuery } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderReportHtml(await buildReport({ ctx: req.ctx, input: req.query }))),
  );

  api.get('/reports/csv', { config: policy, schema: { tags, querystring: ReportQuery } }, async (req, reply) =>
    reply.type('text/csv; charset=utf-8').send(renderReportCsv(await buildReport({ ctx: req.ctx, input: req.query }))),
  );

  api.get('/reports/methodology', { config: policy, schema: { tags } }, async (_req, reply) => reply.type('text/markdown; charset=utf-8').send(methodology));

  api.get('/compliance/findings', { config: policy, schema: { tags: ['compliance'], response: { 200: ComplianceResult } } }, async (req) => checkCompliance({ ctx: req.ctx }));
}
