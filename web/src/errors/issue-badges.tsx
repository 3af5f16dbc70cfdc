import { STATUS_LABELS, type Issue } from './types.ts';

const LEVEL_STATE: Record<string, string> = { fatal: 'down', error: 'down', warning: 'degraded', info: 'pending', debug: 'paused' };
const STATUS_STATE: Record<string, string> = { unresolved: 'down', resolved: 'up', resolved_next_release: 'up', ignored: 'paused' };

/** An event level, coloured like the monitor state it is closest to. */
export function LevelBadge({ level }: { level: string }) {
  return (
    <span className="badge plain level-badge" data-state={LEVEL_STATE[level] ?? 'pending'}>
      {level}
    </span>
  );
}

export function IssueStatusBadge({ issue }: { issue: Pick<Issue, 'status' | 'isRegression' | 'regressedInRelease' | 'resolvedInRelease'> }) {
  return (
    <span className="row" style={{ gap: '0.3rem' }}>
      <span className="badge" data-state={STATUS_STATE[issue.status]}>
        {STATUS_LABELS[issue.status]}
        {issue.status === 'resolved_next_release' && issue.resolvedInRelease ? ` (after ${issue.resolvedInRelease})` : ''}
      </span>
      {issue.isRegression && issue.status === 'unresolved' && (
        <span className="badge plain" data-state="degraded" title={issue.regressedInRelease ? `came back in ${issue.regressedInRelease}` : 'came back after it was resolved'}>
          Regression{issue.regressedInRelease ? ` in ${issue.regressedInRelease}` : ''}
        </span>
      )}
    </span>
  );
}
