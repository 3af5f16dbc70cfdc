import { Link } from 'wouter';
import type { Page } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { Time } from '../components/time.tsx';
import { ReceiptStatus } from './receipt-status.tsx';
import type { Channel, Receipt } from './types.ts';

/** One channel with the state of its last receipt (fetched per row: organizations have tens of channels). */
export function ChannelRow({ channel, typeLabel, isFallback }: { channel: Channel; typeLabel: string; isFallback: boolean }) {
  const last = useFetch<Page<Receipt>>(`/channels/${channel.id}/receipts`, { limit: 1 });
  const receipt = last.data?.data[0];
  return (
    <tr>
      <td>
        <Link href={`/channels/${channel.id}`} className="monitor-name">
          {channel.name}
        </Link>
        {isFallback && <span className="tag">fallback</span>}
      </td>
      <td>{typeLabel}</td>
      <td>
        {!channel.enabled ? (
          <span className="badge plain" data-state="paused">
            Disabled
          </span>
        ) : channel.missingCredentials.length > 0 ? (
          <span className="badge plain" data-state="degraded" title={`Missing ${channel.missingCredentials.join(', ')}`}>
            Needs credentials
          </span>
        ) : (
          <span className="badge plain" data-state="up">
            Ready
          </span>
        )}
      </td>
      <td className="nowrap">
        {receipt ? (
          <span className="row" style={{ gap: '0.4rem' }}>
            <ReceiptStatus status={receipt.status} />
            <span className="small muted">
              <Time value={receipt.at} />
              {receipt.test && ' · test'}
            </span>
          </span>
        ) : last.data ? (
          <span className="muted small">nothing sent yet</span>
        ) : (
          <span className="muted small">…</span>
        )}
      </td>
    </tr>
  );
}
