import { splitControl, type ComplianceResult, type ControlStatus } from './types.ts';

function byFramework(controls: ControlStatus[], result: ComplianceResult) {
  const frameworks = new Map<string, Array<ControlStatus & { id: string; findings: number }>>();
  for (const c of controls) {
    const [framework, id] = splitControl(c.control);
    const findings = result.findings.filter((f) => f.controls.includes(c.control)).length;
    frameworks.set(framework, [...(frameworks.get(framework) ?? []), { ...c, id, findings }]);
  }
  // SOC 2 before ISO/IEC 27001, as auditors usually ask.
  return [...frameworks].sort(([a], [b]) => b.localeCompare(a));
}

/** Per framework, how many of its controls have findings, and each control's status. */
export function FrameworkSummary({ result }: { result: ComplianceResult }) {
  return (
    <div className="grid-2">
      {byFramework(result.controls, result).map(([framework, controls]) => {
        const failing = controls.filter((c) => c.status === 'fail').length;
        const findings = result.findings.filter((f) => f.controls.some((c) => splitControl(c)[0] === framework)).length;
        return (
          <section key={framework} className="card stack framework" aria-label={framework}>
            <div className="card-header">
              <h2>{framework}</h2>
              <span className="badge" data-state={failing > 0 ? 'down' : 'up'}>
                {failing > 0 ? `${failing} of ${controls.length} controls with findings` : `all ${controls.length} controls pass`}
              </span>
            </div>
            <p className="small muted flush">
              {findings} finding{findings === 1 ? '' : 's'} touch this framework.
            </p>
            <ul className="control-grid">
              {controls.map((c) => (
                <li key={c.control} data-status={c.status} title={`${c.control}: ${c.status}; rules ${c.rules.join(', ')}`}>
                  <span className="control-id">{c.id}</span>
                  <span className="small">{c.status === 'fail' ? `${c.findings} finding${c.findings === 1 ? '' : 's'}` : c.status === 'pass' ? 'pass' : 'not checked'}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
