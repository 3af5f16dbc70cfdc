import { readFileSync } from 'node:fs';
import type * as Yaml from 'yaml';
import { lazyRequire } from '../../../platform/lazy-require.ts';
import { createDefaultProbeRegistry, createMonitor, CreateMonitorInput } from '../../../modules/monitors/index.ts';
import { AppError, fieldIssues, ValidationError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';
import { orgOption } from './shared.ts';

const yaml = lazyRequire<typeof Yaml>('yaml');

function pairs(values: unknown, flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of (values as string[] | undefined) ?? []) {
    const at = item.indexOf('=');
    if (at < 1) throw new ValidationError([{ path: flag, message: `use key=value (got ${item})` }]);
    const raw = item.slice(at + 1);
    out[item.slice(0, at)] = flag === 'setting' && /^(-?\d+(\.\d+)?|true|false|\[.*\]|\{.*\})$/.test(raw) ? JSON.parse(raw) : raw;
  }
  return out;
}

function readDefinition(path: string): Record<string, unknown> {
  try {
    const text = readFileSync(path, 'utf8');
    return (path.endsWith('.json') ? JSON.parse(text) : yaml().parse(text)) as Record<string, unknown>;
  } catch (err) {
    throw new AppError('BAD_REQUEST', `cannot read ${path}: ${(err as Error).message}`);
  }
}

export const monitorCreateCommand: Command = {
  topic: 'monitor',
  verb: 'create',
  summary: 'Create a monitor from flags or from a YAML/JSON definition (monitors as code)',
  usage: '--name <name> --type <type> --setting key=value … | --file monitor.yaml',
  options: {
    ...orgOption,
    file: { type: 'string', short: 'f', description: 'YAML or JSON with name, type, settings, labels, interval, …' },
    name: { type: 'string', description: 'Monitor name' },
    type: { type: 'string', description: 'http, tcp, dns, tls, postgres, redis, statuspage' },
    setting: { type: 'string', multiple: true, description: 'A type setting as key=value (e.g. url=https://example.com); repeat' },
    label: { type: 'string', multiple: true, description: 'A label as key=value; repeat' },
    interval: { type: 'string', description: 'Seconds between checks (default 60)' },
    paused: { type: 'boolean', description: 'Create it paused' },
  },
  async run({ config, options, output, io }) {
    const base = options.file ? readDefinition(String(options.file)) : {};
    const input = {
      ...base,
      ...(options.name ? { name: options.name } : {}),
      ...(options.type ? { type: options.type } : {}),
      settings: { ...(base.settings as object), ...pairs(options.setting, 'setting') },
      labels: { ...(base.labels as object), ...pairs(options.label, 'label') },
      ...(options.interval ? { interval: Number(options.interval) } : {}),
      ...(options.paused ? { paused: true } : {}),
    };
    const parsed = CreateMonitorInput.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
    const monitor = await withRuntime(config(), async (runtime) =>
      createMonitor({ ctx: await orgContext(runtime, String(options.org)), input: parsed.data, probes: createDefaultProbeRegistry() }),
    );
    printResult(io, output, monitor);
  },
};
