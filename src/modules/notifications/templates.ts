import Mustache from 'mustache';
import { z } from 'zod';
import { ValidationError, type FieldIssue } from '../../platform/errors.ts';
import type { ChannelTemplate } from './channels/index.ts';

export const MAX_TEMPLATE_CHARS = 8000;

export const DEFAULT_TEMPLATES: Required<ChannelTemplate> = {
  title: '{{title}}',
  text: [
    '{{title}}',
    '{{#responseSla}}{{responseSla}}\n{{/responseSla}}',
    '{{#alerts}}',
    '- [{{severityUpper}}] {{summary}}',
    '{{#description}}  {{description}}\n{{/description}}',
    '{{#labelText}}  {{labelText}}\n{{/labelText}}',
    '{{/alerts}}',
    '{{#links.incident}}Incident: {{links.incident}}\n{{/links.incident}}',
    '{{#links.alerts}}Alerts: {{links.alerts}}\n{{/links.alerts}}',
    '{{#links.runbook}}Runbook: {{links.runbook}}\n{{/links.runbook}}',
    '{{#links.acknowledge}}Acknowledge: {{links.acknowledge}}\n{{/links.acknowledge}}',
    '{{org.name}} · Custos',
  ].join('\n'),
  html: [
    '<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#202124">',
    '<h2 style="margin:0 0 8px">{{title}}</h2>',
    '<p style="margin:0 0 12px;color:#5f6368"><strong>{{status}}</strong> · {{severityUpper}} · {{org.name}}</p>',
    '{{#responseSla}}<p style="margin:0 0 12px"><strong>{{responseSla}}</strong></p>{{/responseSla}}',
    '<table cellpadding="6" style="border-collapse:collapse">',
    '{{#alerts}}<tr><td style="vertical-align:top"><strong>{{severityUpper}}</strong></td><td>',
    '<div>{{summary}}</div>{{#description}}<div style="color:#5f6368">{{description}}</div>{{/description}}',
    '{{#labelText}}<div style="font-family:monospace;font-size:12px;color:#5f6368">{{labelText}}</div>{{/labelText}}',
    '</td></tr>{{/alerts}}</table>',
    '<p>{{#links.incident}}<a href="{{links.incident}}">Open incident</a> {{/links.incident}}{{#links.alerts}}<a href="{{links.alerts}}">View alerts</a> {{/links.alerts}}',
    '{{#links.runbook}}<a href="{{links.runbook}}">Runbook</a> {{/links.runbook}}{{#links.acknowledge}}<a href="{{links.acknowledge}}">Acknowledge</a>{{/links.acknowledge}}</p>',
    '</body></html>',
  ].join(''),
};

const Template = z.string().max(MAX_TEMPLATE_CHARS, `at most ${MAX_TEMPLATE_CHARS} characters`);
export const ChannelTemplateInput = z.object({ title: Template.optional(), text: Template.optional(), html: Template.optional() }).strict();
export type ChannelTemplateInput = z.infer<typeof ChannelTemplateInput>;

type Token = [string, string, number, number, Token[]?];

function problems(tokens: Token[], field: keyof ChannelTemplate): string[] {
  const out: string[] = [];
  for (const [kind, name, , , children] of tokens) {
    if (kind === '>') out.push(`partials ({{> ${name}}}) are not available`);
    if (kind === '&' && field === 'html') out.push(`unescaped output ({{{${name}}}} or {{& ${name}}}) is not allowed in HTML`);
    if (Array.isArray(children)) out.push(...problems(children, field));
  }
  return out;
}

/**
 * Logic-less by construction: mustache has no expressions and the view holds only data, so a
 * template can shape text but never run code. Partials are refused, and so is unescaped HTML.
 */
export function validateTemplate(template: ChannelTemplateInput | null | undefined): void {
  if (!template) return;
  const issues: FieldIssue[] = [];
  for (const field of ['title', 'text', 'html'] as const) {
    const source = template[field];
    if (source === undefined) continue;
    try {
      for (const message of problems(Mustache.parse(source) as Token[], field)) issues.push({ path: `template.${field}`, message });
    } catch (err) {
      issues.push({ path: `template.${field}`, message: `does not parse: ${(err as Error).message}` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

const plain = (value: unknown) => String(value);
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Renders a template; chat and SMS templates get the text as is, HTML templates get it escaped. */
export function renderTemplate(source: string, view: unknown, html: boolean): string {
  return Mustache.render(source, view, {}, { escape: html ? escapeHtml : plain });
}
