const isUrl = (v: string) => /^https?:\/\/\S+$/.test(v);

/** Labels or annotations as a definition list; links open, long text keeps its line breaks. */
export function KeyValues({ values, empty }: { values: Record<string, string>; empty: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <dl className="kv">
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt className="mono">{k}</dt>
          <dd className={v.includes('\n') ? 'pre-line' : undefined}>
            {isUrl(v) ? (
              <a href={v} target="_blank" rel="noreferrer noopener">
                {v}
              </a>
            ) : (
              v
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
