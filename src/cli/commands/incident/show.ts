import { getIncident, getTimeline } from '../../../modules/incidents/index.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { formatTable, printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

export const incidentShowCommand: Command = {
  topic: 'incident',
  verb: 'show',
  summary: 'Show an incident with its timeline',
  usage: '<incident-id>',
  options: orgOption,
  async run({ config, options, positionals, output, io }) {
    if (!positionals[0]) {
      io.stderr('usage: custos incident show <incident-id> --org <slug>');
      return 2;
    }
    const { incident, timeline } = await withRuntime(config(), async (runtime) => {
      const ctx = await orgContext(runtime, String(options.org));
      return { incident: await getIncident({ ctx, id: positionals[0] }), timeline: await getTimeline({ ctx, id: positionals[0] }) };
    });
    if (output === 'json') return printResult(io, output, { ...incident, timeline });
    const { sla, breachClock, alerts, ...rest } = incident;
    printResult(io, output, { ...rest, responseDue: sla.response.dueAt, responseBreached: sla.response.breachedAt, resolutionDue: sla.resolution.dueAt, resolutionBreached: sla.resolution.breachedAt, breachDue: breachClock?.dueAt ?? null, alerts: alerts.length });
    io.stdout('');
    io.stdout(formatTable(timeline.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor.display }))));
  },
};
