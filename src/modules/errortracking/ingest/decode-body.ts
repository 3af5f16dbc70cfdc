import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../../../platform/errors.ts';

type Inflate = (buf: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Buffer;
type InflateAsync = (buf: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Promise<Buffer>;

const CODECS: Record<string, { sync: Inflate; async: InflateAsync; raw?: { sync: Inflate; async: InflateAsync } }> = {
  gzip: { sync: zlib.gunzipSync, async: promisify(zlib.gunzip) },
  'x-gzip': { sync: zlib.gunzipSync, async: promisify(zlib.gunzip) },
  // HTTP's deflate is zlib-wrapped, but some clients send raw deflate; both are accepted.
  deflate: { sync: zlib.inflateSync, async: promisify(zlib.inflate), raw: { sync: zlib.inflateRawSync, async: promisify(zlib.inflateRaw) } },
  br: { sync: zlib.brotliDecompressSync, async: promisify(zlib.brotliDecompress) },
};

/** Bodies up to this size inflate on the event loop; larger ones in the thread pool. */
const SYNC_LIMIT = 64 * 1024;

function encodingsOf(header: string | string[] | undefined): string[] {
  const text = [header ?? ''].flat().join(',');
  return text
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
}

function tooLarge(limit: number): AppError {
  return new AppError('ENVELOPE_TOO_LARGE', `The body inflates to more than ${limit} bytes`, { details: { limitBytes: limit } });
}

async function inflateOnce(codec: (typeof CODECS)[string], body: Buffer, maxBytes: number): Promise<Buffer> {
  const options = { maxOutputLength: maxBytes };
  const run = (fn: { sync: Inflate; async: InflateAsync }) => (body.length <= SYNC_LIMIT ? fn.sync(body, options) : fn.async(body, options));
  try {
    return await run(codec);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    if (!codec.raw) throw err;
    return run(codec.raw);
  }
}

/**
 * Undoes the Content-Encoding (several are applied last-first). The compressed size was capped by
 * the route's body limit; the inflated size is capped here while inflating, so a bomb stops at
 * `maxBytes` instead of filling memory.
 */
export async function decodeBody(body: Buffer, contentEncoding: string | string[] | undefined, maxBytes: number): Promise<Buffer> {
  const encodings = encodingsOf(contentEncoding);
  if (encodings.length > 2) throw new AppError('INGEST_ENCODING_UNSUPPORTED', 'At most two content encodings are accepted');
  let out = body;
  for (const encoding of encodings.toReversed()) {
    const codec = CODECS[encoding];
    if (!codec) throw new AppError('INGEST_ENCODING_UNSUPPORTED', `Content-Encoding ${encoding.slice(0, 32)} is not supported; use gzip, deflate or br`);
    try {
      out = await inflateOnce(codec, out, maxBytes);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
      throw new AppError('INGEST_DECOMPRESSION_FAILED', `The body is not valid ${encoding}`, { cause: err });
    }
  }
  if (out.length > maxBytes) throw tooLarge(maxBytes);
  return out;
}
