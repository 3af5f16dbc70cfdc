import { z } from 'zod';
import type { WitnessKind } from './types.ts';

const Settings = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  headers: z.record(z.string().min(1).max(100), z.string().max(2000)).default({}).describe('sent with each request (an Authorization header, say)'),
});

const TIMEOUT_MS = 10_000;

/** POSTs the checkpoint document as JSON; any 2xx is a publication. */
export const httpWitness: WitnessKind<z.infer<typeof Settings>> = {
  type: 'http',
  settings: Settings,
  async publish({ document, settings, signal }) {
    const res = await fetch(settings.url, {
      method: 'POST',
      headers: { ...settings.headers, 'content-type': 'application/json', 'user-agent': 'Custos-Evidence/1' },
      body: document.toString('utf8'),
      redirect: 'error',
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return `HTTP ${res.status}`;
  },
};
