import type { ComplianceFacts } from './facts.ts';
import type { FindingObject, FindingSeverity } from './schemas.ts';

export const SOC2 = (control: string) => `SOC 2 ${control}`;
export const ISO = (control: string) => `ISO/IEC 27001:2022 ${control}`;

export interface FindingDraft {
  message: string;
  objects: FindingObject[];
  /** Defaults to the rule's severity. */
  severity?: FindingSeverity;
}

export type RuleOutcome = { findings: FindingDraft[] } | { skipped: string };

/** A compliance rule: one file in rules/, listed in rules/index.ts. It reads the gathered facts and never writes. */
export interface ComplianceRule {
  id: string;
  title: string;
  severity: FindingSeverity;
  controls: string[];
  remedy: string;
  evaluate(facts: ComplianceFacts): Promise<RuleOutcome> | RuleOutcome;
}
