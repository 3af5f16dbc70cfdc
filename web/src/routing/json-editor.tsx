import { useState } from 'react';
import type { FieldIssue } from '../api/client.ts';
import { TextAreaField } from '../components/field.tsx';
import type { RoutingDocument } from './types.ts';

interface Props {
  initial: RoutingDocument;
  onChange: (doc: RoutingDocument | null) => void;
  issues: FieldIssue[];
  readOnly: boolean;
}

/** The document as JSON: each edit that parses updates it; a syntax error is shown instead. */
export function JsonEditor({ initial, onChange, issues, readOnly }: Props) {
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const change = (next: string) => {
    setText(next);
    try {
      const parsed = JSON.parse(next) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the document must be a JSON object');
      setSyntax(null);
      onChange(parsed as RoutingDocument);
    } catch (err) {
      setSyntax((err as Error).message);
      onChange(null);
    }
  };
  return (
    <section className="card stack" aria-label="Routing document as JSON">
      <TextAreaField
        label="Routing document (JSON)"
        className="json-editor"
        rows={Math.min(40, Math.max(12, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => change(e.target.value)}
        readOnly={readOnly}
        spellCheck={false}
        error={syntax ? `Not valid JSON: ${syntax}` : undefined}
        hint="Alertmanager's route format with receivers as channel ids; see the README for every field."
      />
      {issues.length > 0 && (
        <div className="banner error" role="alert">
          <div>
            <strong>The server found {issues.length} problem{issues.length === 1 ? '' : 's'}:</strong>
            <ul className="issue-list">
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path || '(document)'}</code> {i.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
