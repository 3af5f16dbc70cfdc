#!/usr/bin/env node
// Runs the TypeScript entry point on a Node that strips types; an older system Node hands over
// to the Node 24 pinned as this package's `node` dependency.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) {
  await import(entry);
} else {
  const require = createRequire(import.meta.url);
  const pinned = require.resolve('node/bin/node');
  const result = spawnSync(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
