import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBE_ERROR_CODES } from './error-codes.ts';
import { classifyNetworkError } from './network-errors.ts';
import { ProbeInternalError } from './probe.ts';

const errno = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const internalCode = (err: unknown) => {
  try {
    classifyNetworkError(err);
  } catch (e) {
    return e instanceof ProbeInternalError ? e.code : 'not internal';
  }
  return 'no throw';
};

describe('classifyNetworkError', () => {
  it('maps target-side errors to stable codes', () => {
    const cases: Record<string, string> = {
      ECONNREFUSED: 'CONNECTION_REFUSED',
      ECONNRESET: 'CONNECTION_RESET',
      EPIPE: 'CONNECTION_RESET',
      EHOSTUNREACH: 'HOST_UNREACHABLE',
      ENOTFOUND: 'DNS_NXDOMAIN',
      EAI_AGAIN: 'DNS_TEMPORARY_FAILURE',
      DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_SELF_SIGNED',
      CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
      ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
      HPE_INVALID_CONSTANT: 'PROTOCOL_ERROR',
      ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_HANDSHAKE_FAILED',
      EWHATEVER: 'NETWORK_ERROR',
    };
    for (const [code, expected] of Object.entries(cases)) expect(classifyNetworkError(errno(code)).code, code).toBe(expected);
    expect(classifyNetworkError(new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')])).code).toBe('CONNECTION_REFUSED');
  });

  it('throws ProbeInternalError for failures of this process, so they become coverage gaps', () => {
    expect(internalCode(errno('EMFILE'))).toBe('LOCAL_RESOURCE_EXHAUSTED');
    expect(internalCode(errno('ENOBUFS'))).toBe('LOCAL_RESOURCE_EXHAUSTED');
    expect(internalCode(errno('EADDRNOTAVAIL'))).toBe('LOCAL_PORTS_EXHAUSTED');
    expect(internalCode(new TypeError('x is not a function'))).toBe('PROBE_BUG');
    expect(internalCode(Object.assign(new TypeError('bad header'), { code: 'ERR_INVALID_CHAR' }))).toBe('PROBE_BUG');
  });
});

describe('PROBE_ERROR_CODES', () => {
  // ProbeFailure and the mapping tables are typed ProbeErrorCode; result literals are plain strings.
  it('catalogues every errorCode literal the probes put on a result', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'error-codes.ts');
    const used = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const match of text.matchAll(/errorCode: '([A-Z][A-Z0-9_]+)'/g)) used.add(match[1]);
    }
    const unknown = [...used].filter((code) => !(code in PROBE_ERROR_CODES));
    expect(used.size).toBeGreaterThan(5);
    expect(unknown).toEqual([]);
  });
});
