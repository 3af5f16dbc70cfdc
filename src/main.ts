#!/usr/bin/env node
// The CLI entry point. `bin/custos.js` (what `npm start` and the `custos` bin run) enables Node's
// compile cache before loading this file.
import { commands } from './cli/registry.ts';
import { runCli } from './cli/run-cli.ts';

const code = await runCli(process.argv.slice(2), commands, {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
