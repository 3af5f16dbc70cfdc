import { ListReviewsInput, listReviews } from '../../../modules/reviews/index.ts';
import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const reviewListCommand: Command = {
  topic: 'review',
  verb: 'list',
  summary: 'List post-incident reviews; --status overdue shows the drafts past their due time (exit 1 when there are any)',
  options: {
    org: { type: 'string', description: 'Organization slug', required: true },
    status: { type: 'string', description: 'draft, filed or overdue' },
    limit: { type: 'string', description: 'At most this many (default 100)' },
  },
  async run({ config, options, output, io }) {
    const parsed = ListReviewsInput.safeParse({ status: options.status, limit: options.limit ?? 100 });
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
    const page = await withRuntime(config(), async (runtime) => listReviews({ ctx: await orgContext(runtime, String(options.org)), input: parsed.data }));
    const rows = page.data.map((r) => ({ id: r.id, incident: r.incidentTitle, severity: r.severity, status: r.overdue ? 'overdue' : r.status, dueAt: r.dueAt, actionItems: r.actionItems.length, reminders: r.reminderCount }));
    printResult(io, output, output === 'json' ? page.data : rows);
    return parsed.data.status === 'overdue' && page.data.length > 0 ? 1 : 0;
  },
};
