import { useEffect, useState } from 'react';

/** A plain-text (not JSON) document of the API, such as the methodology in Markdown. */
export function useText(path: string): { text?: string; error?: Error } {
  const [state, setState] = useState<{ text?: string; error?: Error }>({});
  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/v1${path}`, { credentials: 'same-origin', signal: abort.signal })
      .then(async (res) => (res.ok ? setState({ text: await res.text() }) : setState({ error: new Error(`The document could not be loaded (${res.status}).`) })))
      .catch((error: Error) => error.name !== 'AbortError' && setState({ error }));
    return () => abort.abort();
  }, [path]);
  return state;
}
