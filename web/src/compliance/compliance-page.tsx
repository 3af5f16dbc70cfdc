import { useFetch } from '../api/use-fetch.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Button } from '../components/button.tsx';
import { Time } from '../components/time.tsx';
import { FindingCard } from './finding-card.tsx';
import { FrameworkSummary } from './framework-summary.tsx';
import { Figures } from './report/bars.tsx';
import { num, ReportTable } from './report/report-table.tsx';
import { SEVERITIES, type ComplianceResult } from './types.ts';

const TITLES = { high: 'High severity', medium: 'Medium severity', low: 'Low severity' };

function RulesTable({ result }: { result: ComplianceResult }) {
  return (
    <details className="card">
      <summary>
        Rules evaluated ({result.rules.filter((r) => r.status === 'pass').length} pass, {result.rules.filter((r) => r.status === 'fail').length} fail, {result.rules.filter((r) => r.status === 'skipped').length} skipped)
      </summary>
      <ReportTable label="Rules" className="" columns={['Rule', 'Status', num('Findings'), 'Controls']}>
        <tbody>
          {result.rules.map((r) => (
            <tr key={r.id}>
              <td>
                {r.title}
                <div className="small muted mono">{r.id}</div>
                {r.note && <div className="small muted">{r.note}</div>}
              </td>
              <td>
                <span className="badge" data-state={r.status === 'fail' ? 'down' : r.status === 'pass' ? 'up' : 'paused'}>
                  {r.status}
                </span>
              </td>
              <td className="num">{r.findings}</td>
              <td className="small">{r.controls.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </ReportTable>
    </details>
  );
}

/** Findings of the compliance rules, grouped by severity, with a summary per control framework. */
export function CompliancePage() {
  const fetched = useFetch<ComplianceResult>('/compliance/findings');
  const result = fetched.data;
  return (
    <div className="page">
      <PageHeader
        title="Compliance"
        subtitle="The organization checked against rules mapped to SOC 2 and ISO/IEC 27001:2022 controls: the current configuration and the last 30 days."
        actions={<Button onClick={fetched.reload} busy={fetched.loading && !!result}>Check again</Button>}
      />
      {fetched.error && <ErrorBanner error={fetched.error} title="The compliance check could not run." />}
      {!result && !fetched.error && <Loading label="Checking…" />}
      {result && (
        <>
          <p className="small muted flush">
            Checked <Time value={result.checkedAt} absolute />; look-back from <Time value={result.window.from} absolute />.
          </p>
          <Figures
            label="Findings by severity"
            items={SEVERITIES.map((s) => ({ label: TITLES[s], value: result.summary[s], tone: result.summary[s] > 0 && s !== 'low' ? 'bad' : undefined }))}
          />
          <FrameworkSummary result={result} />
          {result.findings.length === 0 && (
            <div className="card">
              <EmptyState title="No findings">Every rule that could be evaluated passed.</EmptyState>
            </div>
          )}
          {SEVERITIES.map((s) => {
            const findings = result.findings.filter((f) => f.severity === s);
            if (findings.length === 0) return null;
            return (
              <section key={s} className="card stack" aria-labelledby={`findings-${s}`}>
                <h2 id={`findings-${s}`}>
                  {TITLES[s]} <span className="muted">({findings.length})</span>
                </h2>
                <ul className="findings">
                  {findings.map((f, i) => (
                    <FindingCard key={`${f.ruleId}-${i}`} finding={f} />
                  ))}
                </ul>
              </section>
            );
          })}
          <RulesTable result={result} />
        </>
      )}
    </div>
  );
}
