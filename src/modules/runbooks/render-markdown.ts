import MarkdownIt from 'markdown-it';

// html: false shows raw HTML as text; markdown-it's own link check drops javascript:, vbscript:,
// file: and non-image data: URLs.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders runbook markdown to HTML that is safe to put in a page. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
