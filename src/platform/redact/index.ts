export {
  redactText,
  redactValue,
  normaliseFieldName,
  DEFAULT_REDACTED_FIELDS,
  DEFAULT_MAX_DEPTH,
  REDACTED,
  type RedactOptions,
  type RedactionCounts,
} from './redact.ts';
export { DETECTORS, passesLuhn, type Detector } from './patterns.ts';
