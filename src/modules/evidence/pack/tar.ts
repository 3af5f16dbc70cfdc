import { Readable } from 'node:stream';
import * as tar from 'tar-stream';

export interface PackFile {
  path: string;
  content: Buffer;
}

const BLOCK = 512;

/**
 * A plain ustar archive whose every header field is fixed (mode 0644, owner 0, one mtime), so the
 * same files always give the same bytes: a verifier rebuilds it and any changed byte shows.
 */
export async function writeTar(files: PackFile[], mtime: Date): Promise<Buffer> {
  const pack = tar.pack();
  const out: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) out.push(chunk as Buffer);
  })();
  for (const f of files) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: f.path, size: f.content.length, mtime, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', type: 'file' }, f.content, (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(out);
}

/** The files of an archive in order; throws on anything but plain files. */
export async function readTar(archive: Buffer): Promise<PackFile[]> {
  const extract = tar.extract();
  const files: PackFile[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type !== 'file') throw new Error(`${entry.header.name} is a ${entry.header.type}, not a file`);
      files.push({ path: entry.header.name, content: Buffer.concat(chunks) });
    }
  })();
  Readable.from([archive]).pipe(extract);
  await reading;
  return files;
}

/** Where two archives first differ, named by the entry whose header, content or padding holds the byte. */
export function locateDifference(actual: Buffer, expected: Buffer, files: PackFile[]): string | null {
  const n = Math.min(actual.length, expected.length);
  let at = 0;
  while (at < n && actual[at] === expected[at]) at++;
  if (at === n && actual.length === expected.length) return null;
  let offset = 0;
  for (const f of files) {
    const dataEnd = offset + BLOCK + f.content.length;
    const padEnd = offset + BLOCK + Math.ceil(f.content.length / BLOCK) * BLOCK;
    if (at < offset + BLOCK) return `byte ${at}: the archive header of ${f.path}`;
    if (at < dataEnd) return `byte ${at}: the content of ${f.path}`;
    if (at < padEnd) return `byte ${at}: the padding after ${f.path}`;
    offset = padEnd;
  }
  return at >= n ? `byte ${at}: the archive's length (${actual.length} bytes, ${expected.length} expected)` : `byte ${at}: the end-of-archive blocks`;
}
