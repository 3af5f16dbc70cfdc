import { createHash } from 'node:crypto';
import { z } from 'zod';
import { STATUS_WORD, topSeverity, type NotificationMessage, type Severity } from '../message.ts';

/** An http(s) URL; every channel's endpoint is configurable so tests and proxies can point it elsewhere. */
export const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);
export const secretString = () => z.string().trim().min(1).max(4000).optional();

export const BADGE: Record<Severity, string> = { critical: '🔴', error: '🟠', warning: '🟡', info: '🔵' };
export const COLOR: Record<Severity, number> = { critical: 0xd93025, error: 0xf57c00, warning: 0xf9ab00, info: 0x1a73e8 };
const RESOLVED_COLOR = 0x188038;
const ACK_COLOR = 0x7e57c2;

/** The badge, colour and words a chat message leads with. */
export function headline(message: NotificationMessage): { severity: Severity; status: string; badge: string; color: number } {
  const severity = topSeverity(message);
  const status = STATUS_WORD[message.kind];
  if (message.kind === 'alert.resolved') return { severity, status, badge: '✅', color: RESOLVED_COLOR };
  if (message.kind === 'alert.acknowledged') return { severity, status, badge: '👀', color: ACK_COLOR };
  return { severity, status, badge: BADGE[severity], color: COLOR[severity] };
}

/** Buttons a chat message offers, in order of use to the person paged. */
export function linkButtons(message: NotificationMessage): { label: string; url: string }[] {
  const { links } = message;
  const runbook = links.runbook ?? message.alerts.find((a) => a.runbookUrl)?.runbookUrl;
  const out: { label: string; url: string }[] = [];
  if (links.acknowledge && message.kind === 'alert.firing') out.push({ label: 'Acknowledge', url: links.acknowledge });
  if (links.incident) out.push({ label: 'Open incident', url: links.incident });
  if (links.alerts) out.push({ label: 'View alerts', url: links.alerts });
  if (runbook) out.push({ label: 'Runbook', url: runbook });
  return out.filter((b) => /^https?:\/\//.test(b.url));
}

/** Keys some receivers cap (PagerDuty dedup_key 255, Opsgenie alias 512): long group keys become their SHA-256. */
export function boundedKey(key: string, max: number): string {
  return key.length <= max ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** Labels of the first alert, for receivers that show key/value fields. */
export function labelPairs(message: NotificationMessage, max: number): [string, string][] {
  return Object.entries(message.alerts[0]?.labels ?? {}).slice(0, max);
}
