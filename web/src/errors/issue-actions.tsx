import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { useToast } from '../components/toasts.tsx';
import { STATUS_LABELS, type Issue, type IssueStatus } from './types.ts';

const DONE: Record<IssueStatus, string> = {
  unresolved: 'Reopened: new events notify again.',
  resolved: 'Resolved: if it happens again, it reopens as a regression.',
  resolved_next_release: 'Resolved in the next release: only events from a later release reopen it.',
  ignored: 'Ignored: events are still counted, nobody is alerted.',
};

/** Resolve, resolve in the next release, ignore, or reopen: for responders and up. */
export function IssueActions({ issue, onChange }: { issue: Issue; onChange: (issue: Issue) => void }) {
  const client = useClient();
  const toast = useToast();
  const canRespond = useCan('respond');
  const [busy, setBusy] = useState<IssueStatus | null>(null);
  if (!canRespond) return null;
  const set = async (status: IssueStatus) => {
    setBusy(status);
    try {
      onChange(await client.patch<Issue>(`/issues/${issue.id}`, { status }));
      toast.info(DONE[status]);
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const button = (status: IssueStatus, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <Button key={status} variant={variant} busy={busy === status} disabled={busy !== null} onClick={() => void set(status)}>
      {label}
    </Button>
  );
  if (issue.status !== 'unresolved') return button('unresolved', `Unresolve (${STATUS_LABELS[issue.status].toLowerCase()})`);
  return (
    <>
      {button('resolved', 'Resolve', 'primary')}
      {button('resolved_next_release', 'Resolve in next release')}
      {button('ignored', 'Ignore')}
    </>
  );
}
