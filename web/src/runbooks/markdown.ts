import MarkdownIt from 'markdown-it';

// The same options as the server's renderer, so the preview shows what readers will see.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export const renderMarkdown = (text: string) => md.render(text);
