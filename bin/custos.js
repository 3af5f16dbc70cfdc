#!/usr/bin/env node
// Runs the TypeScript entry point on a Node that strips types; an older system Node hands over
// to the Node 24 pinned as this package's `node` dependency.
import { spawnSync } from 'node:child_process';
import nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) {
  // Node keeps the type-stripped and compiled code of our ~1,000 modules in a cache directory
  // (NODE_COMPILE_CACHE, else the system temp directory). Enabled here, in plain JavaScript,
  // before the first TypeScript file: a warm start then never loads the type stripper (about
  // 15 MB of memory) and starts in about half the time.
  nodeModule.enableCompileCache?.();
  await import(entry);
} else {
  const require = nodeModule.createRequire(import.meta.url);
  const pinned = require.resolve('node/bin/node');
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
