import { dnsUi } from './dns.ts';
import { httpUi } from './http.ts';
import { postgresUi } from './postgres.ts';
import { redisUi } from './redis.ts';
import { statuspageUi } from './statuspage.ts';
import { tcpUi } from './tcp.ts';
import { tlsUi } from './tls.ts';
import type { ProbeTypeUi } from './types.ts';

/** The probe types the dashboard can create and edit, in menu order. */
export const PROBE_TYPES: ProbeTypeUi[] = [httpUi, tcpUi, dnsUi, tlsUi, postgresUi, redisUi, statuspageUi];

const BY_TYPE = new Map(PROBE_TYPES.map((p) => [p.type, p]));

/** Types created through their own API (heartbeats), named here for the list and its filters. */
const OTHER_TYPES: Record<string, string> = { heartbeat: 'Heartbeat' };

export const probeUi = (type: string) => BY_TYPE.get(type);
export const typeLabel = (type: string) => BY_TYPE.get(type)?.label ?? OTHER_TYPES[type] ?? type;
export const FILTER_TYPES = [...PROBE_TYPES.map((p) => ({ value: p.type, label: p.label })), ...Object.entries(OTHER_TYPES).map(([value, label]) => ({ value, label }))];
