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
export async function tarChunks(files: PackFile[], mtime: Date): Promise<Buffer[]> {
  const out: Buffer[] = [];
  await streamTar(files, mtime, (chunk) => out.push(chunk));
  return out;
}

export const writeTar = async (files: PackFile[], mtime: Date): Promise<Buffer> => Buffer.concat(await tarChunks(files, mtime));

async function streamTar(files: PackFile[], mtime: Date, onChunk: (chunk: Buffer) => void): Promise<void> {
  const pack = tar.pack();
  const done = (async () => {
    for await (const chunk of pack) onChunk(chunk as Buffer);
  })();
  for (const f of files) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: f.path, size: f.content.length, mtime, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', type: 'file' }, f.content, (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
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

/**
 * Where `archive` first differs from the canonical archive of `files` (built chunk by chunk, never
 * held whole), named by the entry whose header, content or padding holds the byte; null when identical.
 */
export async function canonicalDifference(archive: Buffer, files: PackFile[], mtime: Date): Promise<string | null> {
  let offset = 0;
  let at = -1;
  await streamTar(files, mtime, (chunk) => {
    if (at < 0) {
      const mine = archive.subarray(offset, offset + chunk.length);
      if (!mine.equals(chunk)) {
        let i = 0;
        while (i < mine.length && mine[i] === chunk[i]) i++;
        at = offset + i;
      }
    }
    offset += chunk.length;
  });
  if (at < 0 && offset !== archive.length) at = Math.min(offset, archive.length);
  return at < 0 ? null : locate(at, archive.length, offset, files);
}

function locate(at: number, actualLength: number, expectedLength: number, files: PackFile[]): string {
  let offset = 0;
  for (const f of files) {
    const dataEnd = offset + BLOCK + f.content.length;
    const padEnd = offset + BLOCK + Math.ceil(f.content.length / BLOCK) * BLOCK;
    if (at < offset + BLOCK) return `byte ${at}: the archive header of ${f.path}`;
    if (at < dataEnd) return `byte ${at}: the content of ${f.path}`;
    if (at < padEnd) return `byte ${at}: the padding after ${f.path}`;
    offset = padEnd;
  }
  return at >= Math.min(actualLength, expectedLength) ? `byte ${at}: the archive's length (${actualLength} bytes, ${expectedLength} expected)` : `byte ${at}: the end-of-archive blocks`;
}
