/** The evidence API's answers (src/modules/evidence/schemas.ts). */
export interface Checkpoint {
  orgId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

export interface WitnessStatus {
  lastPublishedAt: string | null;
  lastFailedAt: string | null;
  lastError: string | null;
  retrying: number;
}

export interface Witness {
  id: string;
  name: string;
  type: 'directory' | 'http' | 'rfc3161';
  settings: Record<string, unknown>;
  enabled: boolean;
  status: WitnessStatus;
  createdAt: string;
}

export interface Verification {
  at: string;
  mode: 'recent' | 'full';
  fromSeq: number;
  toSeq: number;
  ok: boolean;
  firstProblem: { seq: number; reason: string; detail: string } | null;
}

export interface Integrity {
  lastVerification: Verification | null;
  lastFullVerificationAt: string | null;
  latestCheckpoint: Checkpoint | null;
  anchor: { degraded: boolean; lastPublishedAt: string | null };
  witnesses: Witness[];
}

export interface SigningKey {
  keyId: string;
  publicKey: string;
  validFrom: string;
  validTo: string | null;
}

export interface SigningKeys {
  current: string;
  data: SigningKey[];
}

export interface EvidenceSettings {
  exportDir: string | null;
}

export interface ResultsVerification {
  ok: boolean;
  daysChecked: number;
  daysExpired: string[];
  firstProblem: { day: string; monitorId: string; reason: string; detail: string } | null;
}
