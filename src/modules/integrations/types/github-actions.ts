import { z } from 'zod';
import { Severity } from '../../alerts/index.ts';
import { dedupKeyOf, header, invalidPayload, rejection, signatureHolds, timeOf, urlOf } from './common.ts';
import type { AlertChange, HookRequest, IntegrationType, ParseContext, ParseResult, Rejection } from './types.ts';

const Settings = z.object({
  secret: z.string().min(8).max(500).describe("the webhook's secret: GitHub signs each delivery with it (X-Hub-Signature-256)"),
  workflows: z.array(z.string().trim().min(1).max(300)).max(100).default([]).describe('workflow names, file names or paths (.github/workflows/nightly.yml); empty: every workflow'),
  branches: z.array(z.string().trim().min(1).max(255)).max(100).default([]).describe('branch names, `*` matches any run of characters; empty: every branch'),
  alertOnCancelled: z.boolean().default(false).describe('whether a cancelled run raises the alert too'),
  severity: Severity.default('error'),
});
type Settings = z.infer<typeof Settings>;

const Run = z.object({
  id: z.number(),
  name: z.string().nullish(),
  path: z.string().nullish(),
  head_branch: z.string().nullish(),
  head_sha: z.string().nullish(),
  event: z.string().nullish(),
  status: z.string().nullish(),
  conclusion: z.string().nullish(),
  html_url: z.string().nullish(),
  run_number: z.number().nullish(),
  run_attempt: z.number().nullish(),
  updated_at: z.string().nullish(),
  display_title: z.string().nullish(),
  actor: z.object({ login: z.string() }).nullish(),
});

const Payload = z.object({
  action: z.string(),
  workflow_run: Run,
  workflow: z.object({ name: z.string().nullish(), path: z.string().nullish() }).nullish(),
  repository: z.object({ full_name: z.string().min(1) }),
});

const FAILING: Record<string, string> = { failure: 'failed', timed_out: 'timed out', startup_failure: 'failed to start', cancelled: 'was cancelled' };

function authenticate(request: HookRequest, settings: Settings): Rejection | null {
  if (signatureHolds(settings.secret, request.body, header(request, 'x-hub-signature-256'))) return null;
  return rejection(401, 'HOOK_SIGNATURE_INVALID', 'X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of the body with the webhook secret');
}

const globMatch = (pattern: string, value: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);

function chosen(settings: Settings, names: string[], branch: string): boolean {
  const workflowOk = settings.workflows.length === 0 || settings.workflows.some((w) => names.includes(w));
  return workflowOk && (settings.branches.length === 0 || settings.branches.some((b) => globMatch(b, branch)));
}

function parse(json: unknown, request: HookRequest, settings: Settings, context: ParseContext): ParseResult {
  const event = header(request, 'x-github-event') ?? 'unknown';
  const senderDeliveryId = header(request, 'x-github-delivery')?.slice(0, 100);
  const ignore = (why: string, name = event): ParseResult => ({ ok: true, delivery: { event: name, senderDeliveryId, changes: [], ignored: why } });
  if (event === 'ping') return ignore('ping: the webhook is set up');
  if (event !== 'workflow_run') return ignore(`${event} events are not used; send workflow_run`);
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return invalidPayload(parsed.error.issues, 'a GitHub workflow_run event');
  const { action, workflow_run: run, workflow, repository } = parsed.data;
  const name = `workflow_run.${action}`;
  if (action !== 'completed') return ignore(`the run is ${action}; only completed runs count`, name);
  const path = (run.path ?? workflow?.path ?? '').replace(/@.*$/, '');
  const title = run.name || workflow?.name || path || `workflow ${run.id}`;
  const names = [run.name, workflow?.name, path, path.split('/').pop()].filter((n): n is string => !!n);
  const branch = run.head_branch ?? '';
  if (!chosen(settings, names, branch)) return ignore(`workflow "${title}" on "${branch}" is not one this integration watches`, name);

  const conclusion = run.conclusion ?? '';
  const dedupKey = dedupKeyOf('gh', repository.full_name, path || title, branch);
  const at = timeOf(run.updated_at) ?? context.now;
  const runText = `run #${run.run_number ?? run.id}${(run.run_attempt ?? 1) > 1 ? ` (attempt ${run.run_attempt})` : ''}`;
  let change: AlertChange;
  if (conclusion === 'success') {
    const url = urlOf(run.html_url);
    change = { action: 'resolve', dedupKey, at, annotations: { resolution: `${runText} succeeded`, ...(url ? { resolved_by: url } : {}) } };
  } else if (FAILING[conclusion] && (conclusion !== 'cancelled' || settings.alertOnCancelled)) {
    const description = [`${runText} of "${title}" on ${branch} in ${repository.full_name} ended with ${conclusion}.`, run.display_title ? `Title: ${run.display_title}` : '', run.event ? `Trigger: ${run.event}` : '', run.head_sha ? `Commit: ${run.head_sha}` : '', run.actor ? `Actor: ${run.actor.login}` : '']
      .filter(Boolean)
      .join('\n');
    change = {
      action: 'fire',
      dedupKey,
      labels: { alertname: 'WorkflowRunFailed', repository: repository.full_name, workflow: title, branch },
      annotations: { summary: `Workflow "${title}" ${FAILING[conclusion]} on ${branch} in ${repository.full_name}`, description, conclusion, ...(run.html_url ? { run_url: run.html_url } : {}) },
      severity: settings.severity,
      at,
      startsAt: at,
      generatorUrl: urlOf(run.html_url),
    };
  } else return ignore(`conclusion "${conclusion}" neither raises nor resolves`, name);
  return { ok: true, delivery: { event: name, senderDeliveryId, changes: [change] } };
}

/** GitHub's workflow_run webhook: a chosen workflow failing raises an alert per repository, workflow and branch; its next success resolves it. */
export const githubActionsIntegration: IntegrationType<Settings> = {
  type: 'github-actions',
  label: 'GitHub Actions (workflow_run)',
  settingsSchema: Settings,
  secretFields: ['secret'],
  authenticate,
  parse,
};
