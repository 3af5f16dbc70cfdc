import type { z } from 'zod';
import type { Checkpoint } from '../checkpoint.ts';

export interface PublishInput<S> {
  checkpoint: Checkpoint;
  /** The JSON document published: the checkpoint and the public key that signed it. */
  document: Buffer;
  settings: S;
  signal: AbortSignal;
}

/**
 * A place a checkpoint is published, so a later rewrite of the chain (and of the checkpoints in
 * our own database) can be caught against a copy we do not control. One file per type.
 */
export interface WitnessKind<S = unknown> {
  type: 'directory' | 'http' | 'rfc3161';
  settings: z.ZodType<S>;
  /** Resolves with a receipt (a file path, an HTTP status, a timestamp token); throws when the witness refused. */
  publish(input: PublishInput<S>): Promise<string>;
}
