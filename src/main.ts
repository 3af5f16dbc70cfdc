#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node keeps the type-stripped and compiled code of our ~1,000 modules in a cache directory
// (NODE_COMPILE_CACHE, else the system temp directory), which halves the time to start.
enableCompileCache();
const { commands } = await import('./cli/registry.ts');
const { runCli } = await import('./cli/run-cli.ts');

const code = await runCli(process.argv.slice(2), commands, {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
