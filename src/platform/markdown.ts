import type MarkdownItType from 'markdown-it';

type MarkdownIt = InstanceType<typeof MarkdownItType>;
import { lazyRequire } from './lazy-require.ts';

const markdownIt = lazyRequire<typeof MarkdownItType>('markdown-it');
let md: MarkdownIt | undefined;

/**
 * The one markdown renderer (runbooks, report methodology), built on first use. `html: false`
 * shows raw HTML as text; markdown-it's link check drops javascript:, vbscript:, file: and
 * non-image data: URLs; links open with `rel="noopener noreferrer nofollow"`.
 */
function renderer(): MarkdownIt {
  if (md) return md;
  const MarkdownIt = markdownIt();
  const made = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const defaultLinkOpen = made.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  made.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return (md = made);
}

/** Renders markdown to HTML that is safe to put in a page. */
export function renderMarkdown(markdown: string): string {
  return renderer().render(markdown);
}
