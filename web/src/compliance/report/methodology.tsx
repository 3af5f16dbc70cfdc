import { ErrorBanner } from '../../components/error-banner.tsx';
import { Loading } from '../../components/loading.tsx';
import { MarkdownView } from '../../runbooks/markdown-view.tsx';
import { renderMarkdown } from '../../runbooks/markdown.ts';
import { useText } from './fetch-text.ts';

/** How every figure is counted, as the server writes it into reports and packs. */
export function Methodology() {
  const doc = useText('/reports/methodology');
  return (
    <details className="card methodology">
      <summary>
        <h2>Methodology</h2>
      </summary>
      {doc.error && <ErrorBanner error={doc.error} />}
      {!doc.text && !doc.error && <Loading />}
      {doc.text && <MarkdownView html={renderMarkdown(doc.text)} label="Methodology" />}
    </details>
  );
}
