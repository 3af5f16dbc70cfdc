import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as Yaml from 'yaml';
import { AppError } from '../platform/errors.ts';
import { lazyRequire } from '../platform/lazy-require.ts';
import { Config, envName } from './schema.ts';

// yaml loads only when a YAML configuration file is given.
const yaml = lazyRequire<typeof Yaml>('yaml');

export interface LoadConfigOptions {
  env: Record<string, string | undefined>;
  /** Path from `--config`; falls back to CUSTOS_CONFIG. */
  configPath?: string;
  /** Values that win over everything (tests, CLI flags). */
  overrides?: Partial<Record<keyof Config, unknown>>;
}

function readConfigFile(path: string, expectedSha256: string | undefined): Record<string, unknown> {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `cannot read config file ${path}: ${(err as Error).message}`);
  }
  if (expectedSha256) {
    const actual = createHash('sha256').update(raw).digest('hex');
    if (actual !== expectedSha256.toLowerCase()) {
      throw new AppError(
        'CONFIG_INTEGRITY_MISMATCH',
        `config file ${path} has SHA-256 ${actual}, but CUSTOS_CONFIG_SHA256 pins ${expectedSha256.toLowerCase()}; refusing to start`,
        { details: { path, expected: expectedSha256.toLowerCase(), actual } },
      );
    }
  }
  const text = raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = path.endsWith('.json') ? JSON.parse(text) : yaml().parse(text);
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  if (parsed == null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('CONFIG_INVALID', `config file ${path} must hold a mapping of settings`);
  }
  return parsed as Record<string, unknown>;
}

/** Reads file, then environment, then overrides; reports every problem at once; returns a frozen result. */
export function loadConfig(options: LoadConfigOptions): Config {
  const { env } = options;
  const keys = Object.keys(Config.shape) as (keyof Config)[];
  const configPath = options.configPath ?? env.CUSTOS_CONFIG;
  const pinned = env.CUSTOS_CONFIG_SHA256;
  if (pinned && !configPath) {
    throw new AppError('CONFIG_INTEGRITY_MISMATCH', 'CUSTOS_CONFIG_SHA256 is set but no config file was given (--config or CUSTOS_CONFIG); refusing to start');
  }
  const fromFile = configPath ? readConfigFile(configPath, pinned) : {};
  const unknownFileKeys = Object.keys(fromFile).filter((k) => !keys.includes(k as keyof Config));

  const input: Record<string, unknown> = {};
  for (const key of keys) {
    const envValue = env[envName(key)];
    if (envValue !== undefined && envValue !== '') input[key] = envValue;
    else if (key in fromFile) input[key] = fromFile[key];
  }
  Object.assign(input, options.overrides ?? {});

  const result = Config.safeParse(input);
  const problems: string[] = unknownFileKeys.map((k) => `${configPath}: unknown setting "${k}"`);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      const source = env[envName(key)] !== undefined ? envName(key) : key in fromFile ? `${configPath}: ${key}` : envName(key);
      problems.push(`${source}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new AppError('CONFIG_INVALID', `invalid configuration:\n  ${problems.join('\n  ')}`, { details: { problems } });
  }
  return Object.freeze({ ...result.data });
}
