import type { Config } from '../config/index.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  multiple?: boolean;
  required?: boolean;
}

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandInput {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  output: 'json' | 'table';
  /** Loads configuration on demand (commands like `version` never need it). */
  config: () => Config;
  io: CommandIo;
}

/** A CLI command is a thin adapter: parse flags, call a verb, print. `custos <topic> <verb>`. */
export interface Command {
  topic?: string;
  verb: string;
  summary: string;
  usage?: string;
  options?: Record<string, OptionSpec>;
  /** Returns the exit code; a thrown AppError maps to its catalogue exit code. */
  run(input: CommandInput): Promise<number | void>;
}

export function commandName(c: Command): string {
  return c.topic ? `${c.topic} ${c.verb}` : c.verb;
}
