import { ApiError, type ApiClient } from '../api/client.ts';

export interface DownloadedFile {
  name: string;
  url: string;
  bytes: number;
}

/** POSTs `body` and keeps the binary answer (an archive) as an object URL, named as the server said. */
export async function postForFile(client: ApiClient, path: string, body: unknown, fallbackName: string): Promise<DownloadedFile> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/x-tar, application/json' };
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const res = await fetch(`/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown>; requestId?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `${res.status} ${res.statusText}`, e?.details, e?.requestId);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  return { name, url: URL.createObjectURL(blob), bytes: blob.size };
}

/** Hands a kept file to the browser's downloads. */
export function saveFile(file: DownloadedFile): void {
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
}
