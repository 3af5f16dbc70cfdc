import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
const file = name ? fileURLToPath(new URL(`./${name}.ts`, import.meta.url)) : '';
if (!name || !existsSync(file)) {
  process.stderr.write(`usage: npm run bench -- <name>   (${name ? `no benchmark named ${name}` : 'name a benchmark'}; see bench/*.ts)\n`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
