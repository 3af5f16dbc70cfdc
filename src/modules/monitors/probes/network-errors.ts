import type { ProbeErrorCode, ProbeInternalErrorCode } from './error-codes.ts';
import { ProbeInternalError } from './probe.ts';
import { ProbeFailure } from './probe-failure.ts';

const LOCAL_FAILURES: Record<string, ProbeInternalErrorCode> = {
  EMFILE: 'LOCAL_RESOURCE_EXHAUSTED',
  ENFILE: 'LOCAL_RESOURCE_EXHAUSTED',
  ENOBUFS: 'LOCAL_RESOURCE_EXHAUSTED',
  ENOMEM: 'LOCAL_RESOURCE_EXHAUSTED',
  EADDRNOTAVAIL: 'LOCAL_PORTS_EXHAUSTED',
  EADDRINUSE: 'LOCAL_PORTS_EXHAUSTED',
};

const TARGET_FAILURES: Record<string, ProbeErrorCode> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ECONNRESET: 'CONNECTION_RESET',
  ECONNABORTED: 'CONNECTION_RESET',
  EPIPE: 'CONNECTION_RESET',
  ETIMEDOUT: 'TIMEOUT',
  EHOSTUNREACH: 'HOST_UNREACHABLE',
  EHOSTDOWN: 'HOST_UNREACHABLE',
  ENETUNREACH: 'NETWORK_UNREACHABLE',
  ENETDOWN: 'NETWORK_UNREACHABLE',
  ENOTFOUND: 'DNS_NXDOMAIN',
  EAI_AGAIN: 'DNS_TEMPORARY_FAILURE',
  EAI_FAIL: 'DNS_SERVFAIL',
  EPROTO: 'TLS_HANDSHAKE_FAILED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_HANDSHAKE_FAILED',
};

/** OpenSSL verification codes, as found in `err.code` and `socket.authorizationError`. */
const TLS_VERIFY_FAILURES: Record<string, ProbeErrorCode> = {
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_SELF_SIGNED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_SELF_SIGNED',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNTRUSTED_CHAIN',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED_CHAIN',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNTRUSTED_CHAIN',
  CERT_CHAIN_TOO_LONG: 'TLS_UNTRUSTED_CHAIN',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED_CHAIN',
  CERT_SIGNATURE_FAILURE: 'TLS_INVALID_CERT',
  CERT_REVOKED: 'TLS_INVALID_CERT',
  CERT_REJECTED: 'TLS_INVALID_CERT',
  INVALID_CA: 'TLS_INVALID_CERT',
  INVALID_PURPOSE: 'TLS_INVALID_CERT',
  HOSTNAME_MISMATCH: 'TLS_HOSTNAME_MISMATCH',
};

export function tlsVerifyFailureCode(reason: string): ProbeErrorCode {
  return TLS_VERIFY_FAILURES[reason] ?? 'TLS_INVALID_CERT';
}

function codeOf(err: unknown): string | undefined {
  if (err instanceof AggregateError && err.errors.length > 0 && !(err as { code?: unknown }).code) return codeOf(err.errors[0]);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Maps a socket, DNS, TLS or HTTP parser error to a target failure. Failures of this process
 * (descriptors, buffers, local ports) and bugs throw `ProbeInternalError` instead, so they
 * become a coverage gap rather than a false "down".
 */
export function classifyNetworkError(err: unknown): ProbeFailure {
  if (err instanceof ProbeFailure) return err;
  if (err instanceof ProbeInternalError) throw err;
  const code = codeOf(err);
  const message = messageOf(err);
  if (code && LOCAL_FAILURES[code]) throw new ProbeInternalError(LOCAL_FAILURES[code], message, { cause: err });
  if (code && TARGET_FAILURES[code]) return new ProbeFailure(TARGET_FAILURES[code], message, { cause: err });
  if (code && TLS_VERIFY_FAILURES[code]) return new ProbeFailure(TLS_VERIFY_FAILURES[code], message, { details: { tlsError: code }, cause: err });
  if (code?.startsWith('HPE_')) return new ProbeFailure('PROTOCOL_ERROR', message, { details: { parserError: code }, cause: err });
  if (code?.startsWith('ERR_SSL_')) return new ProbeFailure('TLS_HANDSHAKE_FAILED', message, { details: { tlsError: code }, cause: err });
  if (code?.startsWith('ERR_INVALID_') || isProgrammingError(err)) {
    throw new ProbeInternalError('PROBE_BUG', message, { cause: err });
  }
  return new ProbeFailure('NETWORK_ERROR', message, { details: code ? { errno: code } : undefined, cause: err });
}

function isProgrammingError(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError;
}
