import { assertCan, type Ctx } from '../../platform/context.ts';
import { iso } from './collect.ts';
import { controlStatuses } from './compliance/control-statuses.ts';
import { gatherFacts } from './compliance/facts.ts';
import type { ComplianceRule } from './compliance/rule.ts';
import { COMPLIANCE_RULES } from './compliance/rules/index.ts';
import type { ComplianceResult, Finding, RuleStatus } from './compliance/schemas.ts';

const ORDER = { high: 0, medium: 1, low: 2 };

/**
 * Evaluates every rule against the organization's current configuration and its last 30 days.
 * A rule that throws is reported as skipped with the reason, so one broken rule hides no others.
 */
export async function checkCompliance({ ctx, rules = COMPLIANCE_RULES }: { ctx: Ctx; rules?: readonly ComplianceRule[] }): Promise<ComplianceResult> {
  assertCan(ctx, 'audit');
  const facts = await gatherFacts(ctx);
  const findings: Finding[] = [];
  const statuses: RuleStatus[] = [];
  for (const rule of rules) {
    const base = { id: rule.id, title: rule.title, controls: rule.controls };
    let outcome;
    try {
      outcome = await rule.evaluate(facts);
    } catch (err) {
      ctx.logger.warn({ err, rule: rule.id }, 'compliance rule failed');
      outcome = { skipped: `The rule could not be evaluated: ${(err as Error).message}` };
    }
    if ('skipped' in outcome) {
      statuses.push({ ...base, status: 'skipped', findings: 0, note: outcome.skipped });
      continue;
    }
    for (const f of outcome.findings) findings.push({ ruleId: rule.id, title: rule.title, severity: f.severity ?? rule.severity, controls: rule.controls, message: f.message, objects: f.objects, remedy: rule.remedy });
    statuses.push({ ...base, status: outcome.findings.length ? 'fail' : 'pass', findings: outcome.findings.length, note: null });
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    orgId: ctx.orgId,
    checkedAt: iso(facts.now),
    window: { from: iso(facts.window.from), to: iso(facts.window.to) },
    summary: { high: count('high'), medium: count('medium'), low: count('low') },
    findings,
    rules: statuses,
    controls: controlStatuses(statuses),
  };
}
