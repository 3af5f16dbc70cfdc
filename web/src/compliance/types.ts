/** The compliance API's answer (src/modules/reports/compliance/schemas.ts). */
export type FindingSeverity = 'high' | 'medium' | 'low';
export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface FindingObject {
  type: string;
  id: string;
  name: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: FindingSeverity;
  controls: string[];
  message: string;
  objects: FindingObject[];
  remedy: string;
}

export interface RuleStatus {
  id: string;
  title: string;
  controls: string[];
  status: CheckStatus;
  findings: number;
  note: string | null;
}

export interface ControlStatus {
  control: string;
  status: CheckStatus;
  rules: string[];
}

export interface ComplianceResult {
  orgId: string;
  checkedAt: string;
  window: { from: string; to: string };
  summary: Record<FindingSeverity, number>;
  findings: Finding[];
  rules: RuleStatus[];
  controls: ControlStatus[];
}

export const SEVERITIES: FindingSeverity[] = ['high', 'medium', 'low'];

/** `SOC 2 CC7.2` → [`SOC 2`, `CC7.2`]; `ISO/IEC 27001:2022 A.8.16` → [`ISO/IEC 27001:2022`, `A.8.16`]. */
export function splitControl(control: string): [framework: string, id: string] {
  const at = control.lastIndexOf(' ');
  return at < 0 ? ['Other', control] : [control.slice(0, at), control.slice(at + 1)];
}
