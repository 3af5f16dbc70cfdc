import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { loadConfigFromProcess, type Config } from '../config/index.ts';
import { AppError } from '../platform/errors.ts';
import { commandName, type Command, type CommandIo } from './command.ts';

const SHARED_OPTIONS = {
  output: { type: 'string', short: 'o', description: 'Output format: table (default) or json' },
  config: { type: 'string', short: 'c', description: 'Path to a YAML or JSON config file' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
} as const;

function helpFor(command: Command): string {
  const lines = [`custos ${commandName(command)}${command.usage ? ` ${command.usage}` : ''}`, '', command.summary, '', 'Options:'];
  const all = { ...command.options, ...SHARED_OPTIONS };
  for (const [name, spec] of Object.entries(all)) {
    const flag = `${'short' in spec && spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    lines.push(`  ${flag.padEnd(30)} ${spec.description}`);
  }
  return lines.join('\n');
}

function overview(commands: Command[]): string {
  const lines = ['Usage: custos <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${commandName(c).padEnd(28)} ${c.summary}`);
  lines.push('', "Run 'custos <command> --help' for a command's options.");
  return lines.join('\n');
}

function findCommand(commands: Command[], argv: string[]): { command: Command; rest: string[] } | null {
  const [first, second] = argv;
  const topical = commands.find((c) => c.topic === first && c.verb === second);
  if (topical) return { command: topical, rest: argv.slice(2) };
  const plain = commands.find((c) => !c.topic && c.verb === first);
  return plain ? { command: plain, rest: argv.slice(1) } : null;
}

function printError(io: CommandIo, output: string, err: AppError): void {
  if (output === 'json') io.stdout(JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2));
  io.stderr(`error ${err.code}: ${err.message}`);
}

/** Runs one CLI invocation; returns the process exit code. */
export async function runCli(argv: string[], commands: Command[], io: CommandIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(overview(commands));
    return argv.length === 0 ? 64 : 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    const topicVerbs = commands.filter((c) => c.topic === argv[0]).map(commandName);
    const hint = topicVerbs.length ? ` Did you mean one of: ${topicVerbs.join(', ')}?` : " Run 'custos --help'.";
    printError(io, 'table', new AppError('UNKNOWN_COMMAND', `unknown command '${argv.slice(0, 2).join(' ')}'.${hint}`));
    return 64;
  }
  const { command, rest } = found;
  let parsed;
  try {
    const options = { ...command.options, ...SHARED_OPTIONS };
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(options).map(([k, v]) => [
          k,
          { type: v.type, ...('short' in v && v.short ? { short: v.short } : {}), ...('multiple' in v && v.multiple ? { multiple: true } : {}) },
        ]),
      ) as ParseArgsOptionsConfig,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    printError(io, 'table', new AppError('VALIDATION_FAILED', `${(err as Error).message}\n\n${helpFor(command)}`));
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(helpFor(command));
    return 0;
  }
  const output = parsed.values.output === 'json' ? 'json' : 'table';
  if (parsed.values.output !== undefined && !['json', 'table'].includes(String(parsed.values.output))) {
    printError(io, 'table', new AppError('VALIDATION_FAILED', '--output must be json or table'));
    return 2;
  }
  const missing = Object.entries(command.options ?? {}).filter(([k, spec]) => spec.required && parsed.values[k] === undefined).map(([k]) => `--${k}`);
  if (missing.length) {
    printError(io, output, new AppError('VALIDATION_FAILED', `missing required option${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`));
    return 2;
  }
  let config: Config | undefined;
  try {
    const code = await command.run({
      options: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
      output,
      config: () => (config ??= loadConfigFromProcess({ configPath: parsed.values.config as string | undefined })),
      io,
    });
    return code ?? 0;
  } catch (err) {
    const appError = err instanceof AppError ? err : new AppError('INTERNAL', (err as Error)?.message ?? String(err), { cause: err });
    printError(io, output, appError);
    return appError.exitCode;
  }
}
