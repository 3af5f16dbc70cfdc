import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Every setting; each key `fooBar` is read from the environment as `CUSTOS_FOO_BAR`. */
export const Config = z.object({
  databaseUrl: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite:, postgres:// or postgresql://')
    .default('sqlite:./data/custos.db'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  publicUrl: z.url().optional(),
  logLevel: LogLevel.default('info'),
  role: z.enum(['all', 'api', 'worker']).default('all'),
  bodyLimitBytes: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  secretKey: z.string().min(32, 'must be at least 32 characters (base64 or hex of 32 bytes)').optional(),
  adminEmail: z.email().optional(),
  adminPassword: z.string().min(12, 'must be at least 12 characters').optional(),
  adminOrg: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/).default('default'),
  configSha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters').optional(),
  jobPollMs: z.coerce.number().int().min(10).max(60_000).default(250),
  jobLeaseMs: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  jobConcurrency: z.coerce.number().int().min(1).max(1_000).default(16),
  shutdownTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(10_000),
  trustProxy: z.stringbool().default(false),
  dbPoolSize: z.coerce.number().int().min(1).max(200).default(10),
});
export type Config = Readonly<z.infer<typeof Config>>;

export type ConfigKey = keyof z.infer<typeof Config>;

export function envName(key: string): string {
  return `CUSTOS_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
