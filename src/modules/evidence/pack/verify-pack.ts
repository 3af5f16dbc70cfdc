import type { AuditEvent } from '../../audit/index.ts';
import { signingKeyIdOf, verifySignature } from '../../../platform/crypto/index.ts';
import type { Checkpoint, PublicKeyRecord } from '../checkpoint.ts';
import { ENVELOPE, MANIFEST, PACK_FORMAT, PUBLIC_KEY, SIGNATURE, sha256, type Manifest } from './manifest.ts';
import { canonicalDifference, readTar, type PackFile } from './tar.ts';
import type { TimestampReceipt } from '../store.ts';
import { chainProblem, checkpointsProblem, CHECKPOINTS_FILE, EVENTS_FILE, KEYS_FILE, TIMESTAMPS_FILE, timestampsProblem, type PackProblem } from './verify-chain.ts';

export interface PackVerification {
  ok: boolean;
  organization: Manifest['organization'] | null;
  period: Manifest['period'] | null;
  keyId: string | null;
  files: number;
  events: number;
  checkpoints: number;
  firstProblem: PackProblem | null;
}

class Problem extends Error {
  readonly problem: PackProblem;
  constructor(where: string, reason: string, detail: string) {
    super(detail);
    this.problem = { where, reason, detail };
  }
}

function json<T>(file: PackFile | undefined, path: string): T {
  if (!file) throw new Problem(path, 'missing_file', `${path} is not in the pack`);
  try {
    return JSON.parse(file.content.toString('utf8')) as T;
  } catch {
    throw new Problem(path, 'malformed', `${path} is not valid JSON`);
  }
}

function jsonLines<T>(file: PackFile, path: string): T[] {
  const lines = file.content.toString('utf8').split('\n').filter((l) => l !== '');
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new Problem(`${path} line ${i + 1}`, 'malformed', `line ${i + 1} is not valid JSON`);
    }
  });
}

async function check(archive: Buffer, out: PackVerification): Promise<void> {
  let files: PackFile[];
  try {
    files = await readTar(archive);
  } catch (err) {
    throw new Problem('archive', 'unreadable', `not a readable tar archive: ${(err as Error).message}`);
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const manifest = json<Manifest>(byPath.get(MANIFEST), MANIFEST);
  if (manifest.format !== PACK_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.files)) throw new Problem(MANIFEST, 'unknown_format', 'not a version 1 Custos evidence pack manifest');
  Object.assign(out, { organization: manifest.organization, period: manifest.period, keyId: manifest.keyId });
  const signature = byPath.get(SIGNATURE);
  const publicKey = byPath.get(PUBLIC_KEY);
  if (!signature) throw new Problem(SIGNATURE, 'missing_file', `${SIGNATURE} is not in the pack`);
  if (!publicKey) throw new Problem(PUBLIC_KEY, 'missing_file', `${PUBLIC_KEY} is not in the pack`);
  let keyId: string | null = null;
  try {
    keyId = signingKeyIdOf(publicKey.content.toString('utf8'));
  } catch {
    throw new Problem(PUBLIC_KEY, 'malformed', `${PUBLIC_KEY} is not a public key in PEM`);
  }
  if (keyId !== manifest.keyId) throw new Problem(PUBLIC_KEY, 'key_mismatch', `${PUBLIC_KEY} is key ${keyId}, the manifest names ${manifest.keyId}`);
  if (!verifySignature(publicKey.content.toString('utf8'), byPath.get(MANIFEST)!.content, signature.content.toString('utf8').trim())) {
    throw new Problem(SIGNATURE, 'bad_signature', `the signature does not match ${MANIFEST} under ${PUBLIC_KEY}`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    const file = byPath.get(f.path);
    if (!file) throw new Problem(f.path, 'missing_file', `${f.path} is listed in the manifest but not in the pack`);
    if (sha256(file.content) !== f.sha256 || file.content.length !== f.bytes) throw new Problem(f.path, 'hash_mismatch', `${f.path}'s SHA-256 differs from the manifest's`);
  }
  const extra = files.find((f) => !listed.has(f.path) && !ENVELOPE.includes(f.path));
  if (extra) throw new Problem(extra.path, 'extra_file', `${extra.path} is in the pack but not in the manifest`);
  out.files = files.length;

  const events = jsonLines<AuditEvent>(byPath.get(EVENTS_FILE) ?? { path: EVENTS_FILE, content: Buffer.alloc(0) }, EVENTS_FILE);
  const checkpoints = json<Checkpoint[]>(byPath.get(CHECKPOINTS_FILE), CHECKPOINTS_FILE);
  const keys = json<PublicKeyRecord[]>(byPath.get(KEYS_FILE), KEYS_FILE);
  Object.assign(out, { events: events.length, checkpoints: checkpoints.length });
  const timestamps = byPath.has(TIMESTAMPS_FILE) ? json<TimestampReceipt[]>(byPath.get(TIMESTAMPS_FILE), TIMESTAMPS_FILE) : [];
  const chain = chainProblem(manifest.organization.id, events) ?? checkpointsProblem(manifest.organization.id, events, checkpoints, keys) ?? timestampsProblem(checkpoints, timestamps);
  if (chain) throw new Problem(chain.where, chain.reason, chain.detail);

  // Last, the bytes themselves: headers and padding carry no hash, so the archive must be the canonical one.
  const where = await canonicalDifference(archive, files, new Date(manifest.createdAt));
  if (where) throw new Problem('archive', 'not_canonical', `${where} differs from the canonical archive of these files`);
}

/** Checks a pack offline: signature, manifest hashes, missing and extra files, chain continuity and hashes, checkpoint signatures, archive bytes. */
export async function verifyEvidencePack(archive: Buffer): Promise<PackVerification> {
  const out: PackVerification = { ok: false, organization: null, period: null, keyId: null, files: 0, events: 0, checkpoints: 0, firstProblem: null };
  try {
    await check(archive, out);
    out.ok = true;
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    out.firstProblem = err.problem;
  }
  return out;
}
