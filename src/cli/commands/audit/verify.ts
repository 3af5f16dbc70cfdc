import { SYSTEM_CHAIN, verifyAuditChain, type ChainVerification } from '../../../modules/audit/index.ts';
import { allOrganizations, servicesOf } from '../../../modules/auth/index.ts';
import { cliActor, serviceCtx } from '../../../platform/context.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

type Checked = ChainVerification & { org: string };

export const auditVerifyCommand: Command = {
  topic: 'audit',
  verb: 'verify',
  summary: "Replay audit chains (one organization, or every one and the system chain); exits 1 naming the first broken event",
  options: { org: { type: 'string', description: 'Organization slug (default: every organization)' } },
  async run({ config, options, output, io }) {
    const results = await withRuntime(config(), async (runtime): Promise<Checked[]> => {
      if (options.org) return [{ org: String(options.org), ...(await verifyAuditChain({ ctx: await orgContext(runtime, String(options.org)) })) }];
      const services = servicesOf(runtime);
      const chains = [...(await allOrganizations(services.db)), { id: SYSTEM_CHAIN, slug: SYSTEM_CHAIN }];
      const checked: Checked[] = [];
      for (const org of chains) checked.push({ org: org.slug, ...(await verifyAuditChain({ ctx: serviceCtx(services, org.id, cliActor()) })) });
      return checked;
    });
    if (output === 'json') printResult(io, output, options.org ? results[0] : results);
    else {
      for (const r of results) {
        const prefix = options.org ? '' : `${r.org}: `;
        io.stdout(
          r.ok
            ? `${prefix}ok: ${r.checked} events, head ${r.headSeq} (${r.lastHash.slice(0, 16)}…)`
            : `${prefix}BROKEN at event ${r.firstBad!.seq}: ${r.firstBad!.reason} — ${r.firstBad!.detail}`,
        );
      }
    }
    return results.every((r) => r.ok) ? 0 : 1;
  },
};
