import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders markdown and shows raw HTML as text', () => {
    const html = renderMarkdown('# Restart\n\n1. `kubectl rollout restart`\n\n<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).toContain('<h1>Restart</h1>');
    expect(html).toContain('<code>kubectl rollout restart</code>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops script links and marks the others noopener', () => {
    const html = renderMarkdown('[bad](javascript:alert(1)) [data](data:text/html,x) [ok](https://grafana.example.com/d/1)');
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain('<a href="https://grafana.example.com/d/1" rel="noopener noreferrer nofollow">ok</a>');
  });
});
