import { DurationField, durationSeconds, splitSeconds, type DurationValue } from '../components/duration-field.tsx';
import type { FieldErrors } from '../api/field-errors.ts';
import type { Tier } from './policy-types.ts';
import { SEVERITIES, type Severity } from './types.ts';

export type TierDrafts = Record<Severity, { response: DurationValue; resolution: DurationValue }>;

export const toDrafts = (tiers: Record<Severity, Tier>): TierDrafts =>
  Object.fromEntries(SEVERITIES.map((s) => [s, { response: splitSeconds(tiers[s].responseMinutes * 60), resolution: splitSeconds(tiers[s].resolutionMinutes * 60) }])) as TierDrafts;

export const fromDrafts = (d: TierDrafts): Record<Severity, Tier> =>
  Object.fromEntries(SEVERITIES.map((s) => [s, { responseMinutes: Math.round((durationSeconds(d[s].response) ?? 0) / 60), resolutionMinutes: Math.round((durationSeconds(d[s].resolution) ?? 0) / 60) }])) as Record<Severity, Tier>;

/** First-response and resolution targets per tier. */
export function TiersField({ value, onChange, errors }: { value: TierDrafts; onChange: (d: TierDrafts) => void; errors: FieldErrors }) {
  return (
    <div className="tiers">
      {SEVERITIES.map((s) => (
        <div key={s} className="tier-row">
          <strong className="tier-name">{s}</strong>
          <DurationField label={`${s} first response`} value={value[s].response} onChange={(response) => onChange({ ...value, [s]: { ...value[s], response } })} error={errors(`tiers.${s}.responseMinutes`)} />
          <DurationField label={`${s} resolution`} value={value[s].resolution} onChange={(resolution) => onChange({ ...value, [s]: { ...value[s], resolution } })} error={errors(`tiers.${s}.resolutionMinutes`)} />
        </div>
      ))}
    </div>
  );
}
