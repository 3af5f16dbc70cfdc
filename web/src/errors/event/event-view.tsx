import { useState } from 'react';
import { Time } from '../../components/time.tsx';
import type { EventData, EventDetail } from '../types.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { EventContext } from './event-context.tsx';
import { ExceptionChain, Frames } from './exception-chain.tsx';
import { readBreadcrumbs, readExceptions, readMessage, readThreadStack } from './read-event.ts';

/** The stored JSON, built only once opened (an event can be a megabyte). */
function RawEvent({ data }: { data: EventData }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="raw-event" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="small">Raw event (JSON, as stored)</summary>
      {open && <pre tabIndex={0}>{JSON.stringify(data, null, 2)}</pre>}
    </details>
  );
}

/** One stored event: its message, exception chain with stacks, breadcrumbs and context. */
export function EventView({ event }: { event: EventDetail }) {
  const exceptions = readExceptions(event.data);
  const message = readMessage(event.data);
  const crumbs = readBreadcrumbs(event.data);
  const threadStack = exceptions.length === 0 ? readThreadStack(event.data) : [];
  return (
    <>
      <div className="detail-summary event-meta">
        <span>
          event <code>{event.eventId}</code>
        </span>
        <span>
          at <Time value={event.timestamp} absolute />
        </span>
        {event.release && (
          <span>
            release <strong>{event.release}</strong>
          </span>
        )}
        {event.environment && (
          <span>
            environment <strong>{event.environment}</strong>
          </span>
        )}
        {event.userId && (
          <span title="A salted pseudonym of the user, counted as one affected user">
            user <code>{event.userId.slice(0, 12)}</code>
          </span>
        )}
      </div>
      {message && (exceptions.length === 0 || !exceptions.some((e) => e.value === message)) && (
        <section className="card" aria-labelledby="event-message">
          <h2 id="event-message">Message</h2>
          <p className="exception-value">{message}</p>
        </section>
      )}
      {threadStack.length > 0 && (
        <section className="card" aria-labelledby="event-stack">
          <h2 id="event-stack">Stack trace</h2>
          <Frames frames={threadStack} />
        </section>
      )}
      {exceptions.length > 0 && (
        <section className="card" aria-labelledby="event-exception">
          <h2 id="event-exception">{exceptions.length > 1 ? `Exceptions (${exceptions.length}, outermost first)` : 'Exception'}</h2>
          <ExceptionChain exceptions={exceptions} />
        </section>
      )}
      <section className="card" aria-labelledby="event-breadcrumbs">
        <h2 id="event-breadcrumbs">Breadcrumbs</h2>
        <Breadcrumbs crumbs={crumbs} />
      </section>
      <section className="card" aria-labelledby="event-context">
        <h2 id="event-context">Context</h2>
        <p className="small muted" style={{ marginTop: 0 }}>
          As stored: personal data and credentials were removed before the event was written.
        </p>
        <EventContext event={event.data} />
        <RawEvent data={event.data} />
      </section>
    </>
  );
}
