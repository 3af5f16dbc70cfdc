/**
 * The error catalogue. Codes are permanent: clients and tests match on them.
 * Each entry gives the HTTP status and CLI exit code it maps to.
 */
export const ERROR_CATALOGUE = {
  INTERNAL: { status: 500, exit: 1, description: 'Unexpected server error; details are in the server log under the request id.' },
  VALIDATION_FAILED: { status: 400, exit: 2, description: 'The input failed validation; details name each field.' },
  INVALID_JSON: { status: 400, exit: 2, description: 'The request body is not valid JSON.' },
  BAD_REQUEST: { status: 400, exit: 2, description: 'The request is malformed.' },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2, description: 'The request body exceeds the size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exit: 2, description: 'The Content-Type is not accepted by this route.' },
  ROUTE_NOT_FOUND: { status: 404, exit: 2, description: 'No route matches the method and path.' },
  NOT_FOUND: { status: 404, exit: 3, description: 'The object does not exist or is not visible to you.' },
  UNAUTHORIZED: { status: 401, exit: 4, description: 'Authentication is missing or invalid.' },
  FORBIDDEN: { status: 403, exit: 4, description: 'Your role does not allow this action.' },
  CONFLICT: { status: 409, exit: 5, description: 'The change conflicts with the current state.' },
  PRECONDITION_FAILED: { status: 412, exit: 5, description: 'A precondition of the action does not hold.' },
  RATE_LIMITED: { status: 429, exit: 6, description: 'Too many requests; retry after the time given.' },
  LIMIT_EXCEEDED: { status: 429, exit: 6, description: 'A configured limit was reached.' },
  CONFIG_INVALID: { status: 500, exit: 78, description: 'The configuration is invalid; every problem is listed.' },
  CONFIG_INTEGRITY_MISMATCH: { status: 500, exit: 78, description: 'The config file does not match CUSTOS_CONFIG_SHA256.' },
  DATABASE_UNAVAILABLE: { status: 503, exit: 69, description: 'The database cannot be reached.' },
  UNKNOWN_COMMAND: { status: 400, exit: 64, description: 'The CLI command does not exist.' },
} as const satisfies Record<string, { status: number; exit: number; description: string }>;

export type BaseErrorCode = keyof typeof ERROR_CATALOGUE;

const extraCodes = new Map<string, { status: number; exit: number; description: string }>();

/** Modules add their own permanent codes (e.g. MONITOR_NOT_FOUND) at import time. */
export function defineErrorCodes<T extends Record<string, { status: number; exit: number; description: string }>>(codes: T): T {
  for (const [code, entry] of Object.entries(codes)) {
    if (code in ERROR_CATALOGUE || (extraCodes.has(code) && extraCodes.get(code) !== entry)) throw new Error(`error code ${code} defined twice`);
    extraCodes.set(code, entry);
  }
  return codes;
}

export function errorCatalogue(): Record<string, { status: number; exit: number; description: string }> {
  return { ...ERROR_CATALOGUE, ...Object.fromEntries(extraCodes) };
}

function lookup(code: string) {
  return (ERROR_CATALOGUE as Record<string, { status: number; exit: number }>)[code] ?? extraCodes.get(code) ?? ERROR_CATALOGUE.INTERNAL;
}

export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  readonly code: string;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return lookup(this.code).status;
  }

  get exitCode(): number {
    return lookup(this.code).exit;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what} not found`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this action') {
    super('FORBIDDEN', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHORIZED', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT', details?: ErrorDetails) {
    super(code, message, { details });
  }
}

export class PreconditionFailedError extends AppError {
  constructor(message: string, code = 'PRECONDITION_FAILED', details?: ErrorDetails) {
    super(code, message, { details });
  }
}

export class LimitExceededError extends AppError {
  constructor(message: string, code = 'LIMIT_EXCEEDED', details?: ErrorDetails) {
    super(code, message, { details });
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message?: string) {
    super('VALIDATION_FAILED', message ?? `Invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, {
      details: { issues },
    });
  }

  get issues(): FieldIssue[] {
    return (this.details?.issues as FieldIssue[]) ?? [];
  }
}

/** Turns zod issues into field issues with dotted paths (`settings.url`). */
export function fieldIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ''): FieldIssue[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}
