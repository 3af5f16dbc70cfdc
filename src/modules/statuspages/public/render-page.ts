import { esc } from './html.ts';
import { renderComponents } from './render-components.ts';
import { renderActiveIncidents, renderMaintenance, renderPastIncidents } from './render-incidents.ts';
import { pageStyles } from './styles.ts';
import type { PageView } from './view.ts';

type Branding = Pick<PageView['page'], 'title' | 'logoUrl' | 'brandColor' | 'accentColor'>;

/** The document around a page's main content: head, skip link, branded header and footer. */
export function layout(page: Branding, options: { title: string; head?: string; main: string; footer?: string }): string {
  const logo = page.logoUrl ? `<img src="${esc(page.logoUrl)}" alt="">` : '';
  return (
    `<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">` +
    `<title>${esc(options.title)}</title>${options.head ?? ''}<style>${pageStyles(page.brandColor, page.accentColor)}</style></head>` +
    `<body><a class=skip href="#main">Skip to content</a>` +
    `<header class=site><div class=wrap>${logo}<h1>${esc(page.title)}</h1></div></header>` +
    `<main id=main class=wrap>${options.main}</main>` +
    `<footer class=wrap><p>${options.footer ?? ''}Powered by Custos</p></footer></body></html>`
  );
}

/**
 * The public page; `base` is where it is served (`/status/<slug>`, or `` on its custom domain).
 * `components` is the rendered components section when the caller made it already.
 */
export function renderPage(view: PageView, base: string, components = renderComponents(view)): string {
  const { page, overall } = view;
  const head =
    (page.description ? `<meta name=description content="${esc(page.description)}">` : '') +
    `<link rel=alternate type="application/atom+xml" title="${esc(page.title)} (Atom)" href="${base}/feed.atom">` +
    `<link rel=alternate type="application/rss+xml" title="${esc(page.title)} (RSS)" href="${base}/feed.rss">`;
  const main =
    (page.description ? `<p class=intro>${esc(page.description)}</p>` : '') +
    `<section class="banner k-${overall.kind}" aria-labelledby=overall-h><h2 id=overall-h>${overall.description}</h2></section>` +
    renderActiveIncidents(view) +
    renderMaintenance(view) +
    components +
    renderPastIncidents(view);
  const footer = `<a href="${base}/feed.atom">Atom feed</a><a href="${base}/feed.rss">RSS feed</a><a href="${base}/status.json">JSON</a>`;
  return layout(page, { title: page.title, head, main, footer });
}
