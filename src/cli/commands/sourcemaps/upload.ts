import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findProjectByRef, uploadSourcemaps, type Artifact, type UploadSourcemapsInput } from '../../../modules/errortracking/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { orgContext } from '../../org-context.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

const UPLOADED = /\.(?:map|js|mjs|cjs)$/;
/** Files per request (or transaction), so a large bundle goes up in pieces. */
const BATCH_BYTES = 20 * 1024 * 1024;

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new AppError('BAD_REQUEST', `cannot read ${dir}: ${(err as Error).message}`);
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return UPLOADED.test(name) ? [path] : [];
  });
}

function batches(dir: string, prefix: string): UploadSourcemapsInput['files'][] {
  const out: UploadSourcemapsInput['files'][] = [[]];
  let bytes = 0;
  for (const path of filesUnder(dir).sort()) {
    const content = readFileSync(path);
    if (bytes > 0 && bytes + content.length > BATCH_BYTES) {
      out.push([]);
      bytes = 0;
    }
    bytes += content.length;
    out.at(-1)!.push({ name: `${prefix.replace(/\/+$/, '')}/${relative(dir, path).split(sep).join('/')}`, content: content.toString('base64') });
  }
  return out.filter((b) => b.length > 0);
}

async function overHttp(url: string, token: string, project: string, input: UploadSourcemapsInput): Promise<Artifact[]> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/api/v1/projects/${encodeURIComponent(project)}/sourcemaps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json().catch(() => null)) as { files?: Artifact[]; error?: { code: string; message: string } } | null;
  if (!res.ok) throw new AppError(body?.error?.code ?? 'INTERNAL', body?.error?.message ?? `upload answered ${res.status}`);
  return body?.files ?? [];
}

export const sourcemapsUploadCommand: Command = {
  topic: 'sourcemaps',
  verb: 'upload',
  summary: 'Upload the source maps (and minified sources) of a build for a release',
  usage: '--org <slug> --project <slug|id> --release <version> --dir dist [--dist web] [--url-prefix ~/static]',
  options: {
    org: { type: 'string', description: 'Organization slug (direct database access)' },
    project: { type: 'string', description: 'Project slug, id or DSN number (with --url: the project id)', required: true },
    release: { type: 'string', description: 'Release the files belong to (optional when every map carries a debug id)' },
    dist: { type: 'string', description: 'Distribution within the release' },
    dir: { type: 'string', description: 'Build output folder; every .map, .js, .mjs and .cjs below it is uploaded', required: true },
    'url-prefix': { type: 'string', description: 'What the folder is served as: ~/ (any host, the default), ~/static, https://cdn.example.com/app' },
    url: { type: 'string', description: 'Upload through this Custos server instead of the local database' },
    token: { type: 'string', description: 'API token with write access (with --url)' },
    'dry-run': { type: 'boolean', description: 'List what would be uploaded' },
  },
  async run({ config, options, output, io }) {
    const prefix = String(options['url-prefix'] ?? '~/');
    const groups = batches(String(options.dir), prefix);
    if (groups.length === 0) throw new AppError('BAD_REQUEST', `no .map or .js files under ${String(options.dir)}`);
    const base = { release: options.release as string | undefined, dist: options.dist as string | undefined };
    if (options['dry-run']) {
      printResult(io, output, groups.flat().map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64').length })));
      return;
    }
    let files: Artifact[] = [];
    if (options.url) {
      if (!options.token) throw new AppError('VALIDATION_FAILED', '--url needs --token');
      for (const group of groups) files = files.concat(await overHttp(String(options.url), String(options.token), String(options.project), { ...base, files: group }));
    } else {
      if (!options.org) throw new AppError('VALIDATION_FAILED', 'give --org (or --url and --token)');
      files = await withRuntime(config(), async (runtime) => {
        const ctx = await orgContext(runtime, String(options.org));
        const project = await findProjectByRef(ctx, String(options.project));
        const out: Artifact[] = [];
        for (const group of groups) out.push(...(await uploadSourcemaps({ ctx, projectId: project.id, input: { ...base, files: group } })).files);
        return out;
      });
    }
    printResult(io, output, files, ['name', 'kind', 'size', 'debugId', 'release', 'dist']);
  },
};
