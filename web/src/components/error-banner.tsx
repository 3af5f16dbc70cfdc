import { ApiError } from '../api/client.ts';

/** An API error as people can act on it: the message, and the code and request id for a report. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error instanceof Error ? error : new Error(String(error));
  return (
    <div className="banner error" role="alert">
      <div>
        {title && <strong>{title}</strong>}
        {e.message}
        {e instanceof ApiError && e.status >= 500 && (
          <div className="small">
            <code>{e.code}</code>
            {e.requestId && <span> · request {e.requestId}</span>}
          </div>
        )}
      </div>
    </div>
  );
}
