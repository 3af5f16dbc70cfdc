import type { ControlStatus, RuleStatus } from './schemas.ts';

/** Folds rule outcomes into one status per control: failed by any failing rule, skipped only when every rule was. */
export function controlStatuses(rules: RuleStatus[]): ControlStatus[] {
  const byControl = new Map<string, RuleStatus[]>();
  for (const rule of rules) for (const control of rule.controls) byControl.set(control, [...(byControl.get(control) ?? []), rule]);
  return [...byControl]
    .map(([control, mapped]) => ({
      control,
      status: mapped.some((r) => r.status === 'fail') ? ('fail' as const) : mapped.every((r) => r.status === 'skipped') ? ('skipped' as const) : ('pass' as const),
      rules: mapped.map((r) => r.id),
    }))
    .sort((a, b) => a.control.localeCompare(b.control, 'en', { numeric: true }));
}
