import { z } from 'zod';

export const PublicKey = z.object({
  keyId: z.string(),
  publicKey: z.string().describe('Ed25519 public key, SPKI PEM'),
  validFrom: z.string(),
  validTo: z.string().nullable().describe('null for the current key'),
});

export const SigningKeys = z.object({ current: z.string().describe('key id signing now'), data: z.array(PublicKey) });

export const CheckpointOut = z.object({
  orgId: z.string(),
  seq: z.number(),
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string().describe('Ed25519 over the RFC 8785 canonical JSON of { v: 1, type: "custos.audit.checkpoint", orgId, seq, hash, at, keyId }, base64'),
});
