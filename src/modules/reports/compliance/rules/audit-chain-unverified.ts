import { ISO, SOC2, type ComplianceRule } from '../rule.ts';

/** Replays the chain now (the evidence module's integrity status, once exported, also covers witnesses). */
export const auditChainUnverified: ComplianceRule = {
  id: 'audit-chain-unverified',
  title: 'Audit chain does not verify',
  severity: 'high',
  controls: [SOC2('CC7.2'), SOC2('CC8.1'), ISO('A.8.15'), ISO('A.5.28')],
  remedy: 'Run `custos audit verify`, find what changed the named event, restore it from a backup and investigate the access that allowed it.',
  evaluate({ audit, ctx }) {
    if (audit.ok) return { findings: [] };
    const bad = audit.firstBad!;
    return { findings: [{ message: `The audit chain breaks at event ${bad.seq}: ${bad.reason} (${bad.detail}).`, objects: [{ type: 'auditEvent', id: String(bad.seq), name: `${ctx.orgId}#${bad.seq}` }] }] };
  },
};
