import type { Resolver } from 'node:dns/promises';

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SOA', 'CAA'] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

const stripDot = (name: string) => name.replace(/\.$/, '').toLowerCase();

/** Queries one record type and renders every answer as one string, as `dig +short` would. */
export async function queryRecords(resolver: Resolver, name: string, type: DnsRecordType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return (await resolver.resolveCname(name)).map(stripDot);
    case 'NS':
      return (await resolver.resolveNs(name)).map(stripDot);
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${stripDot(mx.exchange)}`);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'SOA': {
      const soa = await resolver.resolveSoa(name);
      return [[stripDot(soa.nsname), stripDot(soa.hostmaster), soa.serial, soa.refresh, soa.retry, soa.expire, soa.minttl].join(' ')];
    }
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((caa) => {
        const [tag, value] = Object.entries(caa).find(([key]) => key !== 'critical' && key !== 'type') ?? ['', ''];
        return `${caa.critical} ${tag} ${String(value)}`;
      });
  }
}

/** The comparable form of a value: names are case-insensitive without the root dot, IPv6 compressed. */
export function canonicalValue(type: DnsRecordType, value: string): string {
  const trimmed = value.trim();
  if (type === 'TXT') return trimmed;
  if (type === 'AAAA') {
    try {
      return new URL(`http://[${trimmed}]/`).hostname.slice(1, -1);
    } catch {
      return trimmed.toLowerCase();
    }
  }
  return trimmed.toLowerCase().split(' ').map((part) => part.replace(/\.$/, '')).join(' ');
}
