import { createHash } from 'node:crypto';

export const PACK_FORMAT = 'custos-evidence-pack';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'public-key.pem';
/** Files outside the manifest's list: the manifest itself and what vouches for it. */
export const ENVELOPE = [MANIFEST, SIGNATURE, PUBLIC_KEY];

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof PACK_FORMAT;
  version: 1;
  organization: { id: string; slug: string };
  period: { from: string; to: string };
  createdAt: string;
  keyId: string;
  chain: { fromSeq: number | null; toSeq: number | null; events: number; checkpoints: number };
  files: ManifestFile[];
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
