import type { Page } from '../../api/types.ts';
import { useFetch } from '../../api/use-fetch.ts';
import { Time, useNow } from '../../components/time.tsx';
import { HistoryCard } from './history-card.tsx';
import type { Certificate } from './history-types.ts';

function Expiry({ notAfter }: { notAfter: string }) {
  const now = useNow();
  const days = Math.floor((Date.parse(notAfter) - now) / 86_400_000);
  const kind = days < 0 ? 'down' : days < 14 ? 'degraded' : 'up';
  return (
    <span className="badge plain" data-state={kind}>
      {days < 0 ? `expired ${-days} days ago` : `expires in ${days} days`}
    </span>
  );
}

function Current({ cert }: { cert: Certificate }) {
  return (
    <dl className="kv">
      <dt>Subject</dt>
      <dd>{cert.subject}</dd>
      <dt>Issuer</dt>
      <dd>{cert.issuer}</dd>
      <dt>Valid</dt>
      <dd>
        {cert.notBefore && <Time value={cert.notBefore} absolute />} → <Time value={cert.notAfter} absolute /> <Expiry notAfter={cert.notAfter} />
      </dd>
      <dt>Key</dt>
      <dd>{cert.keyType ?? '—'}</dd>
      <dt>Serial</dt>
      <dd className="mono">{cert.serial}</dd>
      <dt>SHA-256</dt>
      <dd className="mono">{cert.fingerprint}</dd>
    </dl>
  );
}

export function CertificatesCard({ monitorId, refreshKey }: { monitorId: string; refreshKey: number }) {
  const fetched = useFetch<Page<Certificate>>(`/monitors/${monitorId}/certificates`, { limit: 50 }, { refreshKey });
  return (
    <HistoryCard title="Certificate" fetched={fetched}>
      {(page) => {
        const current = page.data.find((c) => c.current) ?? page.data[0];
        if (!current) return <p className="muted">No certificate seen yet. It is recorded at the first successful handshake.</p>;
        const older = page.data.filter((c) => c !== current);
        return (
          <div className="stack">
            <Current cert={current} />
            {older.length > 0 && (
              <details>
                <summary>History ({older.length} earlier)</summary>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>Seen</th>
                        <th>Issuer</th>
                        <th>Expired / expires</th>
                      </tr>
                    </thead>
                    <tbody>
                      {older.map((c) => (
                        <tr key={c.id}>
                          <td className="nowrap">
                            <Time value={c.firstSeenAt} absolute />
                          </td>
                          <td>{c.issuer}</td>
                          <td className="nowrap">
                            <Time value={c.notAfter} absolute />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            )}
          </div>
        );
      }}
    </HistoryCard>
  );
}
