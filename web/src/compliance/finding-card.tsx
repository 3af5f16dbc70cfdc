import { ObjectLink } from './object-link.tsx';
import type { Finding } from './types.ts';

/** One finding: what is wrong, the controls it weakens, the objects involved and the remedy. */
export function FindingCard({ finding }: { finding: Finding }) {
  return (
    <li className="finding" data-severity={finding.severity}>
      <div className="finding-head">
        <strong>{finding.title}</strong>
        <code className="small muted">{finding.ruleId}</code>
      </div>
      <p className="flush">{finding.message}</p>
      <ul className="chips" aria-label="Controls">
        {finding.controls.map((c) => (
          <li key={c} className="tag control-tag">
            {c}
          </li>
        ))}
      </ul>
      {finding.objects.length > 0 && (
        <div className="finding-objects">
          {finding.objects.map((o) => (
            <ObjectLink key={`${o.type}:${o.id}`} object={o} ruleId={finding.ruleId} />
          ))}
        </div>
      )}
      <p className="finding-remedy flush small">
        <strong>Remedy:</strong> {finding.remedy}
      </p>
    </li>
  );
}
