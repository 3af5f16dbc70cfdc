/** HTML rendered from markdown with raw HTML disabled (by the server or the same renderer here). */
export function MarkdownView({ html, label }: { html: string; label?: string }) {
  // Safe by construction: markdown-it with html: false escapes raw HTML and drops script URLs.
  // oxlint-disable-next-line react/no-danger
  return <div className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
