import type { ReceiptStatus as Status } from './types.ts';

const STATE: Record<Status, string> = { delivered: 'up', retrying: 'degraded', failed: 'down', skipped: 'paused' };

export function ReceiptStatus({ status }: { status: Status }) {
  return (
    <span className="badge" data-state={STATE[status] ?? 'pending'}>
      {status}
    </span>
  );
}
