import { matchesAll, type Labels } from './matchers.ts';
import type { CompiledInhibitRule } from './routing-tree.ts';

export interface LabelledAlert {
  id: string;
  labels: Labels;
}

export interface Inhibition {
  /** The rule's place in the routing document (`inhibit_rules.0`). */
  rule: string;
  sourceIds: string[];
}

/**
 * Which firing alerts inhibit `target`, as in Alertmanager: target and source match their sides and
 * agree on the `equal` labels (missing on both counts as equal); an alert matching both sides is
 * not inhibited by another that also matches both, so a rule never mutes a whole class of alerts.
 */
export function inhibitionsOf(rules: readonly CompiledInhibitRule[], target: LabelledAlert, firing: readonly LabelledAlert[]): Inhibition[] {
  const out: Inhibition[] = [];
  for (const rule of rules) {
    if (!matchesAll(rule.target, target.labels)) continue;
    const twoSided = matchesAll(rule.source, target.labels);
    const sourceIds = firing
      .filter(
        (a) =>
          a.id !== target.id &&
          matchesAll(rule.source, a.labels) &&
          rule.equal.every((n) => (a.labels[n] ?? '') === (target.labels[n] ?? '')) &&
          !(twoSided && matchesAll(rule.target, a.labels)),
      )
      .map((a) => a.id);
    if (sourceIds.length > 0) out.push({ rule: rule.path, sourceIds });
  }
  return out;
}
