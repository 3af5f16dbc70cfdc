import { createIncident, type CreateIncidentInput } from '../../../modules/incidents/index.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

function labels(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, v] of values.entries()) {
    const eq = v.indexOf('=');
    if (eq < 1) throw new ValidationError([{ path: `label.${i}`, message: 'expected key=value' }]);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

export const incidentCreateCommand: Command = {
  topic: 'incident',
  verb: 'create',
  summary: 'Declare an incident (pages the escalation policy when one is given)',
  options: {
    ...orgOption,
    title: { type: 'string', required: true, description: 'What is wrong' },
    severity: { type: 'string', description: 'P0, P1, P2 or P3 (default: the policy’s default)' },
    description: { type: 'string', description: 'More detail' },
    label: { type: 'string', multiple: true, description: 'key=value (repeatable)' },
    'escalation-policy': { type: 'string', description: 'Escalation policy id or name to page' },
    'possible-breach': { type: 'boolean', description: 'Start the 72-hour breach-notification clock' },
  },
  async run({ config, options, output, io }) {
    const input: CreateIncidentInput = {
      title: String(options.title),
      ...(options.severity ? { severity: String(options.severity) as CreateIncidentInput['severity'] } : {}),
      ...(options.description ? { description: String(options.description) } : {}),
      labels: labels((options.label as string[] | undefined) ?? []),
      ...(options['escalation-policy'] ? { escalationPolicyId: String(options['escalation-policy']) } : {}),
      possibleBreach: options['possible-breach'] === true,
    };
    const incident = await withRuntime(config(), async (runtime) =>
      createIncident({ ctx: await orgContext(runtime, String(options.org)), input, deps: { secrets: () => runtime.secrets() } }),
    );
    printResult(io, output, output === 'json' ? incident : { id: incident.id, severity: incident.severity, status: incident.status, responseDue: incident.sla.response.dueAt });
  },
};
