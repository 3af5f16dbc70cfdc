import type { ProbeTypeUi } from './types.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => ({ value: m, label: m }));
const hasBody = (d: Record<string, unknown>) => d.method !== 'GET' && d.method !== 'HEAD';

export const httpUi: ProbeTypeUi = {
  type: 'http',
  label: 'HTTP(S)',
  description: 'Requests a URL and checks the status, headers, body and response time.',
  defaults: { url: '', method: 'GET', expectStatus: '200-299', followRedirects: true, verifyTls: true },
  fields: [
    { key: 'url', label: 'URL', kind: 'text', placeholder: 'https://example.com/health', required: true, wide: true },
    { key: 'method', label: 'Method', kind: 'select', options: METHODS },
    { key: 'expectStatus', label: 'Expected status', kind: 'status-list', hint: 'Codes, ranges or classes: 200, 200-299, 3xx', placeholder: '200-299' },
    { key: 'degradedAboveMs', label: 'Degraded above (ms)', kind: 'number', hint: 'Slower responses mark the monitor degraded.' },
    { key: 'maxResponseMs', label: 'Down above (ms)', kind: 'number', hint: 'Slower responses count as failures.' },
    { key: 'bodyContains', label: 'Body contains', kind: 'lines', hint: 'One text per line; all must appear.', advanced: true },
    { key: 'bodyNotContains', label: 'Body does not contain', kind: 'lines', hint: 'One text per line.', advanced: true },
    { key: 'bodyMatches', label: 'Body matches (regular expression)', kind: 'text', advanced: true },
    { key: 'json', label: 'JSON assertions', kind: 'json', wide: true, advanced: true, placeholder: '[{"path": "status", "operator": "==", "value": "ok"}]', hint: 'Operators: ==, !=, <, >, contains, exists.' },
    { key: 'expectHeaders', label: 'Header assertions', kind: 'json', wide: true, advanced: true, placeholder: '[{"name": "content-type", "operator": "contains", "value": "json"}]', hint: 'Operators: equals, contains, matches, exists, absent.' },
    { key: 'headers', label: 'Request headers', kind: 'headers', hint: 'One "Name: value" per line.', advanced: true, wide: true },
    { key: 'body', label: 'Request body', kind: 'textarea', advanced: true, wide: true, showIf: hasBody },
    {
      key: 'auth.type',
      label: 'Authentication',
      kind: 'select',
      advanced: true,
      omitParentWhenEmpty: true,
      options: [
        { value: '', label: 'None' },
        { value: 'basic', label: 'Basic' },
        { value: 'bearer', label: 'Bearer token' },
      ],
    },
    { key: 'auth.username', label: 'Username', kind: 'text', advanced: true, showIf: (d) => d['auth.type'] === 'basic' },
    { key: 'auth.password', label: 'Password', kind: 'password', advanced: true, showIf: (d) => d['auth.type'] === 'basic' },
    { key: 'auth.token', label: 'Token', kind: 'password', advanced: true, showIf: (d) => d['auth.type'] === 'bearer' },
    { key: 'followRedirects', label: 'Follow redirects', kind: 'checkbox', advanced: true },
    { key: 'maxRedirects', label: 'Max redirects', kind: 'number', advanced: true, showIf: (d) => d.followRedirects === true },
    { key: 'verifyTls', label: 'Verify TLS certificate', kind: 'checkbox', advanced: true },
  ],
};
