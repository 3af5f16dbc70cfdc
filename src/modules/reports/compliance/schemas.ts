import { z } from 'zod';

export const FindingSeverity = z.enum(['high', 'medium', 'low']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

export const FindingObject = z.object({ type: z.string(), id: z.string(), name: z.string() });
export type FindingObject = z.infer<typeof FindingObject>;

export const Finding = z.object({
  ruleId: z.string(),
  title: z.string(),
  severity: FindingSeverity,
  controls: z.array(z.string()).describe('SOC 2 and ISO/IEC 27001:2022 controls the rule supports'),
  message: z.string(),
  objects: z.array(FindingObject).describe('the objects involved'),
  remedy: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const RuleStatus = z.object({
  id: z.string(),
  title: z.string(),
  controls: z.array(z.string()),
  status: z.enum(['pass', 'fail', 'skipped']),
  findings: z.number(),
  note: z.string().nullable().describe('why the rule was skipped'),
});
export type RuleStatus = z.infer<typeof RuleStatus>;

export const ControlStatus = z.object({
  control: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']).describe('fail when any of its rules has a finding; skipped when all were skipped'),
  rules: z.array(z.string()),
});
export type ControlStatus = z.infer<typeof ControlStatus>;

export const ComplianceResult = z.object({
  orgId: z.string(),
  checkedAt: z.string(),
  window: z.object({ from: z.string(), to: z.string() }).describe('the last 30 days, for rules that look back'),
  summary: z.object({ high: z.number(), medium: z.number(), low: z.number() }),
  findings: z.array(Finding),
  rules: z.array(RuleStatus),
  controls: z.array(ControlStatus).describe('each control with the rules that support it'),
});
export type ComplianceResult = z.infer<typeof ComplianceResult>;
