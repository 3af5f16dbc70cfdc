import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

export const oncallMissing: ComplianceRule = {
  id: 'oncall-missing',
  title: 'No escalation policy or no on-call schedule',
  severity: 'high',
  controls: [SOC2('CC7.3'), SOC2('CC7.4'), ISO('A.5.24'), ISO('A.5.26')],
  remedy: 'Create an on-call schedule and an escalation policy that pages it, and reference the policy from the routing tree.',
  evaluate({ policies, schedules, ctx }) {
    const findings: FindingDraft[] = [];
    const org = [{ type: 'organization', id: ctx.orgId, name: ctx.orgId }];
    if (policies.length === 0) findings.push({ message: 'The organization has no escalation policy: nobody is paged until acknowledged.', objects: org });
    if (schedules.length === 0) findings.push({ message: 'The organization has no on-call schedule.', objects: org });
    return { findings };
  },
};
