import { withQuery } from '../api/client.ts';
import { useFetch } from '../api/use-fetch.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { formatUtc } from '../components/time.tsx';
import { reportQuery } from './period.ts';
import { PeriodPicker, usePeriod } from './period-picker.tsx';
import { ChangesSection } from './report/changes-section.tsx';
import { CoverageSection } from './report/coverage-section.tsx';
import { Methodology } from './report/methodology.tsx';
import { ReceiptsSection } from './report/receipts-section.tsx';
import { IncidentsSection } from './report/response-section.tsx';
import { OncallSection } from './report/oncall-section.tsx';
import type { Report } from './report/types.ts';
import { UptimeSection } from './report/uptime-section.tsx';

function Downloads({ query }: { query: Record<string, string> }) {
  return (
    <>
      <a className="btn" href={`/api/v1${withQuery('/reports/html', query)}`} target="_blank" rel="noreferrer">
        Printable HTML
      </a>
      <a className="btn" href={`/api/v1${withQuery('/reports/csv', query)}`} download={`custos-report-${query.from}.csv`}>
        Download CSV
      </a>
    </>
  );
}

/** The report for a period: uptime vs SLA, coverage, response, receipts, on-call and changes. */
export function ReportsPage() {
  const [period, choice, setPeriod] = usePeriod();
  const query = reportQuery(period);
  const fetched = useFetch<Report>('/reports', query);
  const report = fetched.data;
  return (
    <div className="page">
      <PageHeader title="Reports" subtitle="What monitoring, alerting and on-call did over a period, counted as the methodology below says; the same figures go into evidence packs." actions={<Downloads query={query} />} />
      <PeriodPicker period={period} choice={choice} onChange={setPeriod} />
      {fetched.error && <ErrorBanner error={fetched.error} title="The report could not be built." />}
      {fetched.loading && <Loading label="Building the report…" />}
      {report && !fetched.loading && (
        <>
          <p className="small muted flush" aria-live="polite">
            {formatUtc(report.period.from)} – {formatUtc(report.period.to)} · generated {formatUtc(report.generatedAt)}
          </p>
          <UptimeSection uptime={report.uptime} />
          <CoverageSection coverage={report.coverage} />
          <IncidentsSection incidents={report.incidents} alerts={report.alerts} />
          <ReceiptsSection notifications={report.notifications} />
          <OncallSection oncall={report.oncall} />
          <ChangesSection changes={report.changes} />
        </>
      )}
      <Methodology />
    </div>
  );
}
