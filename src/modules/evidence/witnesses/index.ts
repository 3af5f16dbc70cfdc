import { directoryWitness } from './directory.ts';
import { httpWitness } from './http.ts';
import { rfc3161Witness } from './rfc3161.ts';
import type { WitnessKind } from './types.ts';

export type { WitnessKind, PublishInput } from './types.ts';
export { requestTimestamp, timestampTokenImprint } from './rfc3161.ts';

export const WITNESS_KINDS: Record<WitnessKind['type'], WitnessKind> = {
  directory: directoryWitness as WitnessKind,
  http: httpWitness as WitnessKind,
  rfc3161: rfc3161Witness as WitnessKind,
};
