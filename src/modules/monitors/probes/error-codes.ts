/**
 * Codes a probe puts on a result that is not `up`. Permanent: alert rules, dashboards and
 * tests match on them.
 */
export const PROBE_ERROR_CODES = {
  TIMEOUT: 'The target did not answer within the timeout.',
  CONNECTION_REFUSED: 'The target actively refused the connection (nothing listens on the port).',
  CONNECTION_RESET: 'The target reset or broke the connection before the exchange completed.',
  CONNECTION_CLOSED: 'The target closed the connection before sending a complete reply.',
  HOST_UNREACHABLE: 'No route to the target host.',
  NETWORK_UNREACHABLE: 'The network of the target is unreachable from this location.',
  NETWORK_ERROR: 'Another socket-level error; details carry the system error code.',
  PROTOCOL_ERROR: 'The target answered something that does not parse as the expected protocol.',
  DNS_NXDOMAIN: 'The name does not exist (NXDOMAIN, or no address for the host).',
  DNS_NO_DATA: 'The name exists but has no records of the requested type.',
  DNS_SERVFAIL: 'The resolver answered SERVFAIL.',
  DNS_REFUSED: 'The resolver refused the query.',
  DNS_TIMEOUT: 'The resolver did not answer within the timeout.',
  DNS_CONNECTION_REFUSED: 'The resolver port refused the query.',
  DNS_TEMPORARY_FAILURE: 'Name resolution failed temporarily (EAI_AGAIN).',
  DNS_ERROR: 'Another resolver error; details carry the resolver error code.',
  DNS_ANSWER_MISMATCH: 'The records returned differ from the expected values.',
  DNS_RCODE_MISMATCH: 'The response code differs from the expected one (e.g. NOERROR where NXDOMAIN was expected).',
  TLS_CERT_EXPIRED: 'The certificate is past its notAfter date.',
  TLS_CERT_NOT_YET_VALID: 'The certificate is before its notBefore date.',
  TLS_SELF_SIGNED: 'The certificate, or the root of its chain, is self-signed and not trusted.',
  TLS_UNTRUSTED_CHAIN: 'The chain does not lead to a trusted root (missing intermediate or unknown CA).',
  TLS_INVALID_CERT: 'The certificate failed another verification check; details carry the reason.',
  TLS_HOSTNAME_MISMATCH: 'The certificate does not cover the host name that was checked.',
  TLS_HANDSHAKE_FAILED: 'The TLS handshake failed (protocol or cipher mismatch, not a TLS port).',
  CERT_EXPIRING: 'The certificate expires within the warning window (outcome degraded).',
  CERT_EXPIRING_CRITICAL: 'The certificate expires within the critical window (outcome down).',
  TOO_MANY_REDIRECTS: 'More redirects than allowed, usually a redirect loop.',
  INVALID_REDIRECT: 'A redirect without a usable Location (missing, malformed or not http/https).',
  STATUS_MISMATCH: 'The HTTP status is not one of the expected codes or ranges.',
  HEADER_ASSERTION_FAILED: 'A response header assertion failed.',
  BODY_ASSERTION_FAILED: 'A body contains / not contains / regex assertion failed.',
  JSON_ASSERTION_FAILED: 'A JSON path assertion failed, or the body is not JSON.',
  RESPONSE_TOO_SLOW: 'The response took longer than the maximum response time (outcome down).',
  RESPONSE_SLOW: 'The response took longer than the degraded threshold (outcome degraded).',
  UNEXPECTED_REPLY: 'The TCP or Redis reply does not match the expected reply.',
  AUTH_FAILED: 'The server rejected the credentials.',
  DATABASE_NOT_FOUND: 'The database named in the settings does not exist.',
  TOO_MANY_CONNECTIONS: 'The server refused the connection because it has too many clients.',
  QUERY_FAILED: 'The query or command failed on the server; details carry the SQLSTATE or error.',
  QUERY_MISMATCH: 'The first column of the first row differs from the expected value.',
  COMMAND_FAILED: 'The Redis server answered the command with an error reply.',
  INVALID_STATUS_PAGE: 'The status page did not answer Statuspage-format JSON.',
  UPSTREAM_MAINTENANCE: 'The upstream status page reports maintenance (outcome degraded).',
  UPSTREAM_MINOR_OUTAGE: 'The upstream status page reports a minor outage (outcome degraded).',
  UPSTREAM_MAJOR_OUTAGE: 'The upstream status page reports a major outage.',
  UPSTREAM_CRITICAL_OUTAGE: 'The upstream status page reports a critical outage.',
} as const;

export type ProbeErrorCode = keyof typeof PROBE_ERROR_CODES;

/** Codes of `ProbeInternalError`: Custos could not run the check, so the check is a coverage gap. */
export const PROBE_INTERNAL_ERROR_CODES = {
  PROBE_ABORTED: 'Custos aborted the check (shutdown, lease lost) before it finished.',
  LOCAL_RESOURCE_EXHAUSTED: 'This process ran out of file descriptors, buffers or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM).',
  LOCAL_PORTS_EXHAUSTED: 'No local port or address was available for the connection (EADDRNOTAVAIL, EADDRINUSE).',
  PROBE_BUG: 'The probe failed in a way that points at Custos code, not at the target.',
} as const;

export type ProbeInternalErrorCode = keyof typeof PROBE_INTERNAL_ERROR_CODES;
