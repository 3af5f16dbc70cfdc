import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

// Imported when run: the evidence module embeds reports in its packs, so a static import would be a cycle.
const evidence = () => import('../../../evidence/index.ts');

/** Replays the chain now, and reads whether the witnesses stopped accepting the signed checkpoints. */
export const auditChainUnverified: ComplianceRule = {
  id: 'audit-chain-unverified',
  title: 'Audit chain does not verify or its anchor is degraded',
  severity: 'high',
  controls: [SOC2('CC7.2'), SOC2('CC8.1'), ISO('A.8.15'), ISO('A.5.28')],
  remedy: 'Run `custos audit verify`; for a break, restore the named event from a backup and investigate the access that changed it; for a degraded anchor, fix the witnesses (GET /api/v1/audit/integrity names their last error).',
  async evaluate({ audit, ctx, now }) {
    const findings: FindingDraft[] = [];
    if (!audit.ok) {
      const bad = audit.firstBad!;
      findings.push({ message: `The audit chain breaks at event ${bad.seq}: ${bad.reason} (${bad.detail}).`, objects: [{ type: 'auditEvent', id: String(bad.seq), name: `${ctx.orgId}#${bad.seq}` }] });
    }
    const anchor = await (await evidence()).anchorStatus(ctx.db, ctx.orgId, now);
    if (anchor.degraded) {
      findings.push({ message: `No witness accepted a signed checkpoint for two days (last ${anchor.lastPublishedAt ?? 'never'}): the anchor is degraded.`, objects: [{ type: 'organization', id: ctx.orgId, name: ctx.orgId }] });
    }
    return { findings };
  },
};
