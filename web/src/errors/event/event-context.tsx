import { KeyValues } from '../../alerts/key-values.tsx';
import type { EventData } from '../types.ts';
import { display, flat, isObject, readTags, section } from './read-event.ts';

function Block({ title, values }: { title: string; values: Record<string, string> }) {
  if (Object.keys(values).length === 0) return null;
  return (
    <section className="context-block" aria-label={title}>
      <h3>{title}</h3>
      <KeyValues values={values} empty="" />
    </section>
  );
}

function requestFields(request: Record<string, unknown>): Record<string, string> {
  const { headers, url, method, query_string: query, data, cookies, env, ...rest } = request;
  const head = Array.isArray(headers) ? Object.fromEntries(headers.filter(Array.isArray).map(([k, v]) => [String(k), display(v)])) : flat(headers);
  return {
    ...(url || method ? { url: `${display(method ?? '')} ${display(url ?? '')}`.trim() } : {}),
    ...(query ? { query: display(query) } : {}),
    ...(data !== undefined ? { body: display(data) } : {}),
    ...(cookies ? { cookies: display(cookies) } : {}),
    ...Object.fromEntries(Object.entries(head).map(([k, v]) => [`header ${k}`, v])),
    ...(env ? { env: display(env) } : {}),
    ...flat(rest),
  };
}

/** Tags, request, user and SDK contexts as stored: already scrubbed of personal data. */
export function EventContext({ event }: { event: EventData }) {
  const tags = Object.fromEntries(readTags(event));
  const contexts = section(event, 'contexts') ?? {};
  const request = section(event, 'request');
  const sdk = section(event, 'sdk');
  return (
    <div className="context-grid">
      <Block title="Tags" values={tags} />
      {request && <Block title="Request" values={requestFields(request)} />}
      <Block title="User" values={flat(event.user)} />
      {Object.entries(contexts)
        .filter(([, v]) => isObject(v))
        .map(([name, v]) => (
          <Block key={name} title={name} values={Object.fromEntries(Object.entries(flat(v)).filter(([k]) => k !== 'type'))} />
        ))}
      <Block title="Additional data" values={flat(event.extra)} />
      {sdk && <Block title="SDK" values={{ name: display(sdk.name), version: display(sdk.version) }} />}
    </div>
  );
}
