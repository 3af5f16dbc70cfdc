import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Paths pino blanks out wherever they appear in a log record. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-sentry-auth"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.authorization',
  'password',
  'token',
  'secret',
  'config.secretKey',
  'config.adminPassword',
];

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream | { write(s: string): void } }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'custos' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    (options.destination as NodeJS.WritableStream | undefined) ?? pino.destination({ sync: false }),
  );
}
