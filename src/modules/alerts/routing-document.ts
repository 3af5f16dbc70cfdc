import { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../../platform/errors.ts';
import { parseDuration } from './durations.ts';
import { parseMatcher } from './matchers.ts';

const MAX_DURATION_MS = 30 * 86_400_000;
export const MAX_ROUTES = 500;
export const MAX_DEPTH = 16;

const duration = (positive: boolean) =>
  z
    .union([z.string().max(32), z.number().nonnegative()])
    .superRefine((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === null) ctx.addIssue({ code: 'custom', message: 'use a duration such as 30s, 5m, 4h or 1h30m (a number is seconds)' });
      else if (ms > MAX_DURATION_MS) ctx.addIssue({ code: 'custom', message: 'at most 30d' });
      else if (positive && ms === 0) ctx.addIssue({ code: 'custom', message: 'must be greater than zero' });
    });

export const MatcherText = z
  .string()
  .max(1100)
  .superRefine((s, ctx) => {
    const r = parseMatcher(s);
    if ('error' in r) ctx.addIssue({ code: 'custom', message: r.error });
  });

export const LabelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/, 'a label name: letters, digits, _ . : - starting with a letter or _');

const GroupBy = z
  .array(z.union([z.literal('...'), LabelName]))
  .max(32)
  .superRefine((names, ctx) => {
    if (names.includes('...') && names.length > 1) ctx.addIssue({ code: 'custom', message: '"..." groups by every label and must stand alone' });
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'lists a label twice' });
  });

const Receivers = z.array(z.string().min(1).max(64)).max(20).describe('notification channel ids');

const settings = {
  group_by: GroupBy.optional().describe('labels that split alerts into groups; ["..."] groups by every label'),
  group_wait: duration(false).optional().describe('wait before the first notification of a new group (default 30s)'),
  group_interval: duration(true).optional().describe('wait before notifying about alerts added to a group (default 5m)'),
  repeat_interval: duration(true).optional().describe('wait before re-sending a notification for a still-firing group (default 4h)'),
  escalation_policy: z.string().min(1).max(64).nullable().optional().describe('escalation policy id, used by incidents'),
};

type Duration = string | number;

export interface ChildRoute {
  matchers?: string[];
  continue?: boolean;
  receivers?: string[];
  group_by?: string[];
  group_wait?: Duration;
  group_interval?: Duration;
  repeat_interval?: Duration;
  escalation_policy?: string | null;
  routes?: ChildRoute[];
}

export const ChildRoute: z.ZodType<ChildRoute> = z.lazy(() =>
  z.strictObject({
    matchers: z.array(MatcherText).max(32).optional().describe('all must match: label=value, label!=value, label=~regex, label!~regex'),
    continue: z.boolean().optional().describe('keep matching later siblings after this route matched'),
    receivers: Receivers.optional(),
    ...settings,
    routes: z.array(ChildRoute).max(100).optional(),
  }),
);

export const InhibitRule = z.strictObject({
  source_matchers: z.array(MatcherText).min(1).max(32),
  target_matchers: z.array(MatcherText).min(1).max(32),
  equal: z.array(LabelName).max(32).optional().describe('labels whose values must be equal in source and target'),
});
export type InhibitRule = z.infer<typeof InhibitRule>;

/** The root route (which matches every alert) and the inhibition rules, as Alertmanager configures them. */
export const RoutingDocument = z.strictObject({
  receivers: Receivers,
  ...settings,
  routes: z.array(ChildRoute).max(100).optional(),
  inhibit_rules: z.array(InhibitRule).max(100).optional(),
});
export type RoutingDocument = z.infer<typeof RoutingDocument>;

export const DEFAULT_ROUTING_DOCUMENT: RoutingDocument = { receivers: [], group_by: ['alertname'], routes: [], inhibit_rules: [] };

function shapeIssues(routes: ChildRoute[] | undefined, path: string, depth: number, count: { n: number }, issues: FieldIssue[]): void {
  for (const [i, r] of (routes ?? []).entries()) {
    count.n++;
    const here = `${path}routes.${i}`;
    if (depth > MAX_DEPTH && r.routes?.length) issues.push({ path: `${here}.routes`, message: `routes nest at most ${MAX_DEPTH} deep` });
    else shapeIssues(r.routes, `${here}.`, depth + 1, count, issues);
  }
}

/** Checks the whole document and reports every problem with its path (`routes.1.matchers.0`). */
export function validateRoutingDocument(input: unknown): { document: RoutingDocument } | { issues: FieldIssue[] } {
  const parsed = RoutingDocument.safeParse(input);
  if (!parsed.success) return { issues: fieldIssues(parsed.error.issues) };
  const issues: FieldIssue[] = [];
  const count = { n: 0 };
  shapeIssues(parsed.data.routes, '', 1, count, issues);
  if (count.n > MAX_ROUTES) issues.push({ path: 'routes', message: `at most ${MAX_ROUTES} routes in the tree` });
  return issues.length > 0 ? { issues } : { document: parsed.data };
}
