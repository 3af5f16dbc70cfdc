import { sourceOf } from '../message.ts';
import { headline, labelPairs, linkButtons } from './common.ts';
import { truncate } from './http.ts';
import type { RenderedNotification } from './types.ts';

/** Slack mrkdwn treats &, < and > as control characters. */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
const mrkdwn = (text: string, max: number) => ({ type: 'mrkdwn', text: truncate(text, max) });

/**
 * Block Kit layout: header with the severity badge, a context line (severity, status, organization,
 * source), the rendered summary, label fields, the response-SLA reminder and link buttons.
 * Limits from Slack's reference: header 150 chars, section text 3000, 10 fields, 25 buttons.
 */
export function slackBlocks(n: RenderedNotification): { text: string; blocks: unknown[] } {
  const { message } = n;
  const h = headline(message);
  const blocks: unknown[] = [
    { type: 'header', text: plain(`${h.badge} ${n.title}`, 150) },
    {
      type: 'context',
      elements: [mrkdwn(`*${h.severity.toUpperCase()}* · ${h.status} · ${escapeMrkdwn(message.org.name)} · source: \`${escapeMrkdwn(sourceOf(message))}\``, 3000)],
    },
  ];
  if (n.text.trim()) blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(n.text.trim()), 3000) });
  const labels = labelPairs(message, 10);
  if (labels.length > 0) blocks.push({ type: 'section', fields: labels.map(([k, v]) => mrkdwn(`*${escapeMrkdwn(k)}*\n${escapeMrkdwn(v)}`, 2000)) });
  if (message.responseSla && message.kind === 'alert.firing') {
    blocks.push({ type: 'context', elements: [mrkdwn(`:alarm_clock: ${escapeMrkdwn(message.responseSla)}`, 3000)] });
  }
  const buttons = linkButtons(message).slice(0, 25);
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      elements: buttons.map((b, i) => ({
        type: 'button',
        action_id: `custos_link_${i}`,
        text: plain(b.label, 75),
        url: b.url,
        ...(b.label === 'Acknowledge' ? { style: 'primary' } : {}),
      })),
    });
  }
  return { text: truncate(`${h.badge} ${n.title}`, 3000), blocks };
}
