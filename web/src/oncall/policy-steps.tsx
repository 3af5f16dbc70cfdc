import type { useTargets } from './use-targets.ts';
import { describeDelay } from './use-targets.ts';
import type { EscalationPolicy } from './types.ts';

/** A policy's steps read as a sentence each: "after 30 min → Primary schedule, Alice". */
export function PolicySteps({ policy, targets }: { policy: EscalationPolicy; targets: ReturnType<typeof useTargets> }) {
  return (
    <>
      <ol className="policy-steps">
        {policy.steps.map((s, i) => (
          <li key={i}>
            <span className="muted">{describeDelay(s.delayMinutes)}</span> → {s.targets.map(targets.nameOf).join(', ')}
          </li>
        ))}
      </ol>
      {policy.repeat > 0 && (
        <span className="muted">
          then again {policy.repeat}× every {policy.repeatAfterMinutes} min until acknowledged
        </span>
      )}
    </>
  );
}
