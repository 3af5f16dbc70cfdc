import { describe, expect, it } from 'vitest';
import { createDefaultChannelRegistry } from './channels/index.ts';
import type { NotificationMessage } from './message.ts';
import { renderNotification } from './render.ts';
import { validateTemplate } from './templates.ts';

const registry = createDefaultChannelRegistry();
const message: NotificationMessage = {
  kind: 'alert.firing',
  org: { id: 'o1', name: 'Acme <Ops>' },
  title: 'Checkout down for jane.doe@example.com',
  groupKey: 'g1',
  alerts: [
    {
      id: 'a1',
      dedupKey: 'd1',
      status: 'firing',
      severity: 'critical',
      summary: '<script>alert(1)</script> with card 4111 1111 1111 1111',
      labels: { service: 'checkout', national_id: 'QQ123456C' },
      annotations: {},
      startsAt: '2026-03-01T00:00:00Z',
      runbookUrl: 'javascript:alert(1)',
    },
  ],
  links: { incident: 'https://custos.example.com/i/1', runbook: 'javascript:alert(2)' },
  responseSla: 'Respond within 15 minutes (P0)',
};

describe('validateTemplate', () => {
  it('accepts logic-less templates', () => {
    expect(() => validateTemplate({ title: '{{title}}', text: '{{#alerts}}{{summary}}{{/alerts}}', html: '<b>{{title}}</b>' })).not.toThrow();
  });

  it('names every broken field: unclosed sections, partials, unescaped HTML', () => {
    let issues: { path: string }[] = [];
    try {
      validateTemplate({ title: '{{> header}}', text: '{{#alerts}}', html: '<p>{{& title}}</p>' });
    } catch (err) {
      issues = (err as { details: { issues: { path: string }[] } }).details.issues;
    }
    expect(issues.map((i) => i.path)).toEqual(['template.title', 'template.text', 'template.html']);
  });
});

describe('renderNotification', () => {
  it('escapes HTML for email, keeps chat text plain, and drops links that are not http(s)', () => {
    const n = renderNotification(message, registry.get('email'), { html: '<p>{{#alerts}}{{summary}}{{/alerts}}</p>{{#links.runbook}}<a href="{{links.runbook}}">rb</a>{{/links.runbook}}', text: '{{org.name}}: {{#alerts}}{{summary}}{{/alerts}}' });
    expect(n.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; with card [card]</p>');
    expect(n.text).toBe('Acme <Ops>: <script>alert(1)</script> with card [card]');
  });

  it('redacts before rendering: title, summaries, listed label fields', () => {
    const n = renderNotification(message, registry.get('webhook'), null);
    expect(n.title).toBe('Checkout down for [email]');
    expect(n.message.alerts[0].labels).toEqual({ service: 'checkout', national_id: '[redacted]' });
    expect(JSON.stringify(n)).not.toContain('4111');
    expect(n.message.alerts[0].summary).toContain('[card]');
  });

  it('uses the channel default when no custom template is set', () => {
    expect(renderNotification(message, registry.get('twilio-sms'), null).text).toMatch(/^\[FIRING\] CRITICAL Checkout down for \[email\] — Respond within 15 minutes \(P0\)$/);
  });

  it('treats view data as data: a summary that looks like a tag is printed, not expanded', () => {
    const tricky = { ...message, alerts: [{ ...message.alerts[0], summary: '{{org.id}} {{#alerts}}x{{/alerts}}' }] };
    expect(renderNotification(tricky, registry.get('webhook'), { text: '{{#alerts}}{{summary}}{{/alerts}}' }).text).toBe('{{org.id}} {{#alerts}}x{{/alerts}}');
  });
});
