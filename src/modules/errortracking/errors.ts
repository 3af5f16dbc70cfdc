import { defineErrorCodes } from '../../platform/errors.ts';

export const ERROR_TRACKING_ERRORS = defineErrorCodes({
  PROJECT_NOT_FOUND: { status: 404, exit: 3, description: 'No error-tracking project with this id in this organization.' },
  PROJECT_SLUG_TAKEN: { status: 409, exit: 5, description: 'Another project of the organization has this slug.' },
  PROJECT_KEY_NOT_FOUND: { status: 404, exit: 3, description: 'No DSN key with this id in this project.' },
  PROJECT_KEY_REVOKED: { status: 409, exit: 5, description: 'The DSN key is revoked; it cannot be rotated or changed.' },
  ISSUE_NOT_FOUND: { status: 404, exit: 3, description: 'No issue with this id in this organization.' },
  EVENT_NOT_FOUND: { status: 404, exit: 3, description: 'No event with this id in this issue.' },
  ALERT_RULE_NOT_FOUND: { status: 404, exit: 3, description: 'No error alert rule with this id in this project.' },
  SOURCEMAP_INVALID: { status: 400, exit: 2, description: 'An uploaded source map is not a valid version 3 source map; details name the file.' },
  INGEST_AUTH_MISSING: { status: 401, exit: 4, description: 'The request names no DSN key (X-Sentry-Auth, sentry_key or the envelope dsn).' },
  INGEST_KEY_INVALID: { status: 401, exit: 4, description: 'The DSN key is unknown, revoked, or belongs to another project.' },
  INGEST_PROJECT_INVALID: { status: 400, exit: 2, description: 'The project id in the ingest URL is not a number.' },
  INGEST_ENCODING_UNSUPPORTED: { status: 415, exit: 2, description: 'The Content-Encoding is not identity, gzip, deflate or br.' },
  INGEST_DECOMPRESSION_FAILED: { status: 400, exit: 2, description: 'The body could not be decompressed with its Content-Encoding.' },
  ENVELOPE_TOO_LARGE: { status: 413, exit: 2, description: 'The body is larger than the ingest limit, compressed or once inflated.' },
  EVENT_TOO_LARGE: { status: 413, exit: 2, description: 'An event item is larger than the per-event limit.' },
  ENVELOPE_INVALID: { status: 400, exit: 2, description: 'The envelope does not follow the Sentry envelope format; details give the offset.' },
  EVENT_INVALID: { status: 400, exit: 2, description: 'An event or store payload is not a JSON object.' },
  INGEST_QUEUE_FULL: { status: 429, exit: 6, description: 'The ingest queue is over its limit; retry after the time given.' },
  INGEST_KEY_RATE_LIMITED: { status: 429, exit: 6, description: 'The DSN key sent more events per minute than its limit.' },
  INGEST_UNAVAILABLE: { status: 503, exit: 69, description: 'The event could not be queued durably (database unavailable); it was not accepted.' },
});
