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

export const WitnessTypeName = z.enum(['directory', 'http', 'rfc3161']);

export const CreateWitnessInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: WitnessTypeName,
  settings: z.record(z.string(), z.unknown()).describe('directory: { path }; http: { url, headers }; rfc3161: { url, caCertificate }'),
  enabled: z.boolean().default(true),
});
export type CreateWitnessInput = z.input<typeof CreateWitnessInput>;

export const WitnessStatus = z.object({
  lastPublishedAt: z.string().nullable(),
  lastFailedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  retrying: z.number().describe('publications waiting for their next hourly attempt'),
});

export const Witness = z.object({
  id: z.string(),
  name: z.string(),
  type: WitnessTypeName,
  settings: z.record(z.string(), z.unknown()).describe('header values are masked'),
  enabled: z.boolean(),
  status: WitnessStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Witness = z.infer<typeof Witness>;

export const Anchor = z.object({
  degraded: z.boolean().describe('witnesses are configured and none accepted a checkpoint for two days'),
  lastPublishedAt: z.string().nullable(),
});
export type Anchor = z.infer<typeof Anchor>;

export const VerificationOut = z.object({
  at: z.string(),
  mode: z.enum(['recent', 'full']),
  fromSeq: z.number(),
  toSeq: z.number(),
  ok: z.boolean(),
  firstProblem: z.object({ seq: z.number(), reason: z.string(), detail: z.string() }).nullable(),
});

export const Integrity = z.object({
  lastVerification: VerificationOut.nullable(),
  lastFullVerificationAt: z.string().nullable(),
  latestCheckpoint: CheckpointOut.nullable(),
  anchor: Anchor,
  witnesses: z.array(Witness),
});

const Day = z.iso.date().describe('a UTC day, YYYY-MM-DD');

export const DayRange = z
  .object({ from: Day, to: Day.describe('inclusive') })
  .refine((r) => r.from <= r.to, { message: 'must not be before from', path: ['to'] });
export type DayRange = z.infer<typeof DayRange>;

export const ResultsVerificationOut = z.object({
  ok: z.boolean(),
  daysChecked: z.number(),
  daysExpired: z.array(z.string()).describe('committed days whose raw results are past retention'),
  firstProblem: z.object({ day: z.string(), monitorId: z.string(), reason: z.string(), detail: z.string() }).nullable(),
});

export const EvidenceSettings = z.object({
  exportDir: z
    .string()
    .max(1000)
    .refine((p) => p.startsWith('/'), 'must be an absolute path')
    .nullable()
    .describe('where the pack of each past month is written on the 1st (01:00 UTC); null: no monthly export'),
});
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;
