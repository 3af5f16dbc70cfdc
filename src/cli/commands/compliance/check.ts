import { checkCompliance } from '../../../modules/reports/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const complianceCheckCommand: Command = {
  topic: 'compliance',
  verb: 'check',
  summary: 'Evaluate the organization against the compliance rules; exits 1 when any finding is high severity',
  options: {
    org: { type: 'string', required: true, description: 'Organization slug' },
    json: { type: 'boolean', description: 'Print the full result as JSON (same as --output json)' },
  },
  async run({ config, options, output, io }) {
    const result = await withRuntime(config(), async (runtime) => checkCompliance({ ctx: await orgContext(runtime, String(options.org)) }));
    if (output === 'json' || options.json) printResult(io, 'json', result);
    else {
      io.stdout(`${result.summary.high} high, ${result.summary.medium} medium, ${result.summary.low} low findings (checked ${result.checkedAt})`);
      printResult(io, 'table', result.findings.map((f) => ({ severity: f.severity, rule: f.ruleId, message: f.message, controls: f.controls.join(', ') })));
      const failing = result.controls.filter((c) => c.status === 'fail').map((c) => c.control);
      io.stdout(`controls: ${result.controls.length - failing.length} of ${result.controls.length} pass${failing.length ? `; failing: ${failing.join(', ')}` : ''}`);
      const skipped = result.rules.filter((r) => r.status === 'skipped');
      for (const r of skipped) io.stdout(`skipped ${r.id}: ${r.note}`);
    }
    return result.summary.high > 0 ? 1 : 0;
  },
};
