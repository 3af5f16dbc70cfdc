import { ISO, SOC2, type ComplianceRule, type FindingDraft } from '../rule.ts';

const hostOf = (url: unknown): string | null => {
  if (typeof url !== 'string' || !url.startsWith('https://')) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** Customer-facing HTTPS endpoints: http monitors on https:// URLs and status pages on a custom domain. */
export const httpsWithoutCertificateMonitor: ComplianceRule = {
  id: 'https-without-certificate-monitor',
  title: 'An HTTPS endpoint has no certificate monitor',
  severity: 'medium',
  controls: [SOC2('CC7.2'), SOC2('A1.2'), ISO('A.8.16')],
  remedy: 'Add a tls monitor on the same host so certificate expiry and misissuance are caught before customers see them.',
  evaluate({ monitors, pages }) {
    const watched = new Set(
      monitors.filter((m) => m.type === 'tls' && !m.paused).map((m) => String(m.settings.servername ?? m.settings.host ?? '').toLowerCase()),
    );
    const endpoints = new Map<string, { type: string; id: string; name: string }[]>();
    const add = (host: string | null, object: { type: string; id: string; name: string }) => {
      if (host && !watched.has(host)) endpoints.set(host, [...(endpoints.get(host) ?? []), object]);
    };
    for (const m of monitors) if (m.type === 'http') add(hostOf(m.settings.url), { type: 'monitor', id: m.id, name: m.name });
    for (const p of pages) if (p.customDomain) add(p.customDomain.toLowerCase(), { type: 'statusPage', id: p.id, name: p.title });
    const findings: FindingDraft[] = [...endpoints].map(([host, objects]) => ({ message: `https://${host} has no tls certificate monitor.`, objects: [{ type: 'host', id: host, name: host }, ...objects] }));
    return { findings };
  },
};
