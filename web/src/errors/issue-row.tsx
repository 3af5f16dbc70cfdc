import { memo } from 'react';
import { Link } from 'wouter';
import { Time } from '../components/time.tsx';
import { LevelBadge } from './issue-badges.tsx';
import { issueHref, STATUS_LABELS, type Issue } from './types.ts';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export const IssueRow = memo(function IssueRow({ issue }: { issue: Issue }) {
  return (
    <div role="row" className="issue-row" data-level={issue.level} data-status={issue.status}>
      <span role="cell" className="col-issue">
        <Link href={issueHref(issue.id)} className="monitor-name issue-title">
          {issue.title}
        </Link>
        <span className="monitor-meta">
          <LevelBadge level={issue.level} />
          {issue.isRegression && issue.status === 'unresolved' && <span className="badge plain" data-state="degraded">Regression</span>}
          {issue.status !== 'unresolved' && <span className="badge plain" data-state="paused">{STATUS_LABELS[issue.status]}</span>}
          {issue.culprit && <span className="muted small truncate mono" title={issue.culprit}>{issue.culprit}</span>}
        </span>
      </span>
      <span role="cell" className="col-count num" title={`${issue.eventCount.toLocaleString()} events`}>
        <span className="cell-label">Events </span>
        {compact.format(issue.eventCount)}
      </span>
      <span role="cell" className="col-count num" title={`${issue.userCount.toLocaleString()} users affected`}>
        <span className="cell-label">Users </span>
        {compact.format(issue.userCount)}
      </span>
      <span role="cell" className="col-seen small">
        <Time value={issue.lastSeen} />
        <span className="muted first-seen">
          {' '}
          · first <Time value={issue.firstSeen} />
        </span>
      </span>
    </div>
  );
});
