import { VERSION } from '../../platform/version.ts';
import type { Command } from '../command.ts';
import { printResult } from '../output.ts';

export const versionCommand: Command = {
  verb: 'version',
  summary: 'Print the Custos version',
  async run({ output, io }) {
    if (output === 'json') printResult(io, output, { version: VERSION, node: process.versions.node });
    else io.stdout(`custos ${VERSION} (node ${process.versions.node})`);
  },
};
