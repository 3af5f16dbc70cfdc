import { DEFAULT_REDACTED_FIELDS, redactText, redactValue } from '../../platform/redact/index.ts';
import type { AnyChannelType, ChannelTemplate, RenderedNotification } from './channels/index.ts';
import { STATUS_WORD, topSeverity, type NotificationMessage } from './message.ts';
import { DEFAULT_TEMPLATES, renderTemplate } from './templates.ts';

const scrub = (text: string) => redactText(text).text;

/**
 * The message as it may leave Custos: personal data and credentials scrubbed from the title,
 * summaries, descriptions, labels and annotations (plus the organization's extra field names).
 */
export function redactMessage(message: NotificationMessage, extraFields: readonly string[] = []): NotificationMessage {
  const fieldNames = [...DEFAULT_REDACTED_FIELDS, ...extraFields];
  return {
    ...message,
    title: scrub(message.title),
    responseSla: message.responseSla === undefined ? undefined : scrub(message.responseSla),
    alerts: message.alerts.map((a) => ({
      ...a,
      summary: scrub(a.summary),
      description: a.description === undefined ? undefined : scrub(a.description),
      labels: redactValue(a.labels, { fieldNames }).value as Record<string, string>,
      annotations: redactValue(a.annotations, { fieldNames }).value as Record<string, string>,
    })),
  };
}

const WEB_LINK = /^https?:\/\//i;
const webLink = (url: string | undefined) => (url && WEB_LINK.test(url) ? url : undefined);

const pairs = (record: Record<string, string>) => Object.entries(record).map(([name, value]) => ({ name, value }));

/** What templates see: data only, never functions (mustache would call them). */
export function templateView(message: NotificationMessage): Record<string, unknown> {
  const severity = topSeverity(message);
  return {
    kind: message.kind,
    status: STATUS_WORD[message.kind],
    title: message.title,
    org: message.org,
    groupKey: message.groupKey,
    severity,
    severityUpper: severity.toUpperCase(),
    responseSla: message.kind === 'alert.firing' ? message.responseSla : undefined,
    links: Object.fromEntries(Object.entries(message.links).filter(([, url]) => webLink(url))),
    alertCount: message.alerts.length,
    firingCount: message.alerts.filter((a) => a.status === 'firing').length,
    resolvedCount: message.alerts.filter((a) => a.status === 'resolved').length,
    alerts: message.alerts.map((a) => ({
      ...a,
      runbookUrl: webLink(a.runbookUrl),
      url: webLink(a.url),
      severityUpper: a.severity.toUpperCase(),
      statusUpper: a.status.toUpperCase(),
      labelList: pairs(a.labels),
      annotationList: pairs(a.annotations),
      labelText: Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', '),
    })),
  };
}

/** Redacts, then renders title, text and HTML: the channel's custom template, else its default, else the shared one. */
export function renderNotification(message: NotificationMessage, type: AnyChannelType, custom: ChannelTemplate | null, extraFields: readonly string[] = []): RenderedNotification {
  const safe = redactMessage(message, extraFields);
  const view = templateView(safe);
  const pick = (field: keyof ChannelTemplate) => custom?.[field] ?? type.templates?.[field] ?? DEFAULT_TEMPLATES[field];
  let html: string | undefined;
  return {
    message: safe,
    title: renderTemplate(pick('title'), view, false).trim(),
    text: renderTemplate(pick('text'), view, false).replace(/\n{3,}/g, '\n\n').trim(),
    // Only email reads the HTML; the other channels never pay for rendering it.
    get html() {
      return (html ??= renderTemplate(pick('html'), view, true));
    },
  };
}
