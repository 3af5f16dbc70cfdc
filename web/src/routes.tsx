import { lazy, Suspense, type ComponentType } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { AuditPage } from './audit/audit-page.tsx';
import { EmptyState } from './components/empty-state.tsx';
import { Loading } from './components/loading.tsx';
import { MaintenancePage } from './maintenance/maintenance-page.tsx';
import { MembersPage } from './members/members-page.tsx';
import { EditMonitorPage, NewMonitorPage } from './monitors/form/monitor-form-page.tsx';
import { MonitorsPage } from './monitors/monitors-page.tsx';
import { TokensPage } from './tokens/tokens-page.tsx';

// The detail page carries the chart library; load it when someone opens a monitor.
const MonitorDetailPage = lazy(() => import('./monitors/detail/monitor-detail-page.tsx').then((m) => ({ default: m.MonitorDetailPage })));

/** A screen loaded when first opened, so the first paint does not wait for every feature. */
function lazyPage<P extends object>(load: () => Promise<object>, name: string) {
  return lazy(() => load().then((m) => ({ default: (m as Record<string, ComponentType<P>>)[name] })));
}
const heartbeats = () => import('./heartbeats/screens.ts');
const alerting = () => import('./alerts/screens.ts');
const channels = () => import('./channels/screens.ts');
const integrations = () => import('./integrations/screens.ts');
const oncall = () => import('./oncall/screens.ts');
const HeartbeatsPage = lazyPage(heartbeats, 'HeartbeatsPage');
const HeartbeatDetailPage = lazyPage<{ id: string }>(heartbeats, 'HeartbeatDetailPage');
const NewHeartbeatPage = lazyPage(heartbeats, 'NewHeartbeatPage');
const EditHeartbeatPage = lazyPage<{ id: string }>(heartbeats, 'EditHeartbeatPage');
const AlertsPage = lazyPage(alerting, 'AlertsPage');
const AlertDetailPage = lazyPage<{ id: string }>(alerting, 'AlertDetailPage');
const SilencesPage = lazyPage(alerting, 'SilencesPage');
const RoutesPage = lazyPage(alerting, 'RoutesPage');
const ChannelsPage = lazyPage(channels, 'ChannelsPage');
const ChannelDetailPage = lazyPage<{ id: string }>(channels, 'ChannelDetailPage');
const NewChannelPage = lazyPage(channels, 'NewChannelPage');
const EditChannelPage = lazyPage<{ id: string }>(channels, 'EditChannelPage');
const IntegrationsPage = lazyPage(integrations, 'IntegrationsPage');
const IntegrationDetailPage = lazyPage<{ id: string }>(integrations, 'IntegrationDetailPage');
const NewIntegrationPage = lazyPage(integrations, 'NewIntegrationPage');
const EditIntegrationPage = lazyPage<{ id: string }>(integrations, 'EditIntegrationPage');
const SchedulesPage = lazyPage(oncall, 'SchedulesPage');
const ScheduleDetailPage = lazyPage<{ id: string }>(oncall, 'ScheduleDetailPage');
const NewSchedulePage = lazyPage(oncall, 'NewSchedulePage');
const EditSchedulePage = lazyPage<{ id: string }>(oncall, 'EditSchedulePage');
const LayerPage = lazyPage<{ scheduleId: string; layerId?: string }>(oncall, 'LayerPage');
const PoliciesPage = lazyPage(oncall, 'PoliciesPage');
const NewPolicyPage = lazyPage(oncall, 'NewPolicyPage');
const PolicyPage = lazyPage<{ id: string }>(oncall, 'PolicyPage');
const PagingPage = lazyPage<{ userId?: string }>(oncall, 'PagingPage');
const incidents = () => import('./incidents/screens.ts');
const runbooks = () => import('./runbooks/screens.ts');
const IncidentsPage = lazyPage(incidents, 'IncidentsPage');
const IncidentDetailPage = lazyPage<{ id: string }>(incidents, 'IncidentDetailPage');
const SeverityPolicyPage = lazyPage(incidents, 'SeverityPolicyPage');
const RunbooksPage = lazyPage(runbooks, 'RunbooksPage');
const RunbookPage = lazyPage<{ id: string }>(runbooks, 'RunbookPage');
const NewRunbookPage = lazyPage(runbooks, 'NewRunbookPage');
const EditRunbookPage = lazyPage<{ id: string }>(runbooks, 'EditRunbookPage');
const reviews = () => import('./reviews/screens.ts');
const ReviewPage = lazyPage<{ incidentId: string }>(reviews, 'ReviewPage');
const ReviewsPage = lazyPage(reviews, 'ReviewsPage');

const errors = () => import('./errors/screens.ts');
const ErrorProjectsPage = lazyPage(errors, 'ErrorProjectsPage');
const ProjectIssuesPage = lazyPage<{ id: string }>(errors, 'ProjectIssuesPage');
const ProjectReleasesPage = lazyPage<{ id: string }>(errors, 'ProjectReleasesPage');
const ProjectSettingsPage = lazyPage<{ id: string }>(errors, 'ProjectSettingsPage');
const IssueDetailPage = lazyPage<{ id: string }>(errors, 'IssueDetailPage');
const evidence = () => import('./evidence/screens.ts');
const compliance = () => import('./compliance/screens.ts');
const IntegrityPage = lazyPage(evidence, 'IntegrityPage');
const EvidenceExportPage = lazyPage(evidence, 'EvidenceExportPage');
const ReportsPage = lazyPage(compliance, 'ReportsPage');
const CompliancePage = lazyPage(compliance, 'CompliancePage');

function NotFound() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState title="Page not found" actions={<Link href="/monitors" className="btn">Go to monitors</Link>}>
          The address may be mistyped, or the page has moved.
        </EmptyState>
      </div>
    </div>
  );
}

/** Every screen of the dashboard; later features add their routes here and in layout/nav.ts. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to="/monitors" replace />
        </Route>
        <Route path="/monitors" component={MonitorsPage} />
        <Route path="/monitors/new" component={NewMonitorPage} />
        <Route path="/monitors/:id/edit">{(p) => <EditMonitorPage id={p.id} />}</Route>
        <Route path="/monitors/:id">
          {(p) => (
            <Suspense fallback={<Loading />}>
              <MonitorDetailPage key={p.id} id={p.id} />
            </Suspense>
          )}
        </Route>
        <Route path="/heartbeats" component={HeartbeatsPage} />
        <Route path="/heartbeats/new" component={NewHeartbeatPage} />
        <Route path="/heartbeats/:id/edit">{(p) => <EditHeartbeatPage id={p.id} />}</Route>
        <Route path="/heartbeats/:id">{(p) => <HeartbeatDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/alerts" component={AlertsPage} />
        <Route path="/alerts/:id">{(p) => <AlertDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/silences" component={SilencesPage} />
        <Route path="/routes" component={RoutesPage} />
        <Route path="/channels" component={ChannelsPage} />
        <Route path="/channels/new" component={NewChannelPage} />
        <Route path="/channels/:id/edit">{(p) => <EditChannelPage id={p.id} />}</Route>
        <Route path="/channels/:id">{(p) => <ChannelDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/integrations" component={IntegrationsPage} />
        <Route path="/integrations/new" component={NewIntegrationPage} />
        <Route path="/integrations/:id/edit">{(p) => <EditIntegrationPage id={p.id} />}</Route>
        <Route path="/integrations/:id">{(p) => <IntegrationDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/incidents" component={IncidentsPage} />
        <Route path="/incidents/severity-policy" component={SeverityPolicyPage} />
        <Route path="/incidents/:id/review">{(p) => <ReviewPage key={p.id} incidentId={p.id} />}</Route>
        <Route path="/incidents/:id">{(p) => <IncidentDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/reviews" component={ReviewsPage} />
        <Route path="/runbooks" component={RunbooksPage} />
        <Route path="/runbooks/new" component={NewRunbookPage} />
        <Route path="/runbooks/:id/edit">{(p) => <EditRunbookPage id={p.id} />}</Route>
        <Route path="/runbooks/:id">{(p) => <RunbookPage key={p.id} id={p.id} />}</Route>
        <Route path="/schedules" component={SchedulesPage} />
        <Route path="/schedules/new" component={NewSchedulePage} />
        <Route path="/schedules/:id/edit">{(p) => <EditSchedulePage id={p.id} />}</Route>
        <Route path="/schedules/:id/layers/new">{(p) => <LayerPage scheduleId={p.id} />}</Route>
        <Route path="/schedules/:id/layers/:layerId">{(p) => <LayerPage key={p.layerId} scheduleId={p.id} layerId={p.layerId} />}</Route>
        <Route path="/schedules/:id">{(p) => <ScheduleDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/escalation-policies" component={PoliciesPage} />
        <Route path="/escalation-policies/new" component={NewPolicyPage} />
        <Route path="/escalation-policies/:id">{(p) => <PolicyPage key={p.id} id={p.id} />}</Route>
        <Route path="/me/paging">{() => <PagingPage />}</Route>
        <Route path="/members/:userId/paging">{(p) => <PagingPage key={p.userId} userId={p.userId} />}</Route>
        <Route path="/errors" component={ErrorProjectsPage} />
        <Route path="/errors/projects/:id/releases">{(p) => <ProjectReleasesPage key={p.id} id={p.id} />}</Route>
        <Route path="/errors/projects/:id/settings">{(p) => <ProjectSettingsPage key={p.id} id={p.id} />}</Route>
        <Route path="/errors/projects/:id">{(p) => <ProjectIssuesPage key={p.id} id={p.id} />}</Route>
        <Route path="/errors/issues/:id">{(p) => <IssueDetailPage key={p.id} id={p.id} />}</Route>
        <Route path="/maintenance" component={MaintenancePage} />
        <Route path="/members" component={MembersPage} />
        <Route path="/tokens" component={TokensPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/integrity" component={IntegrityPage} />
        <Route path="/reports" component={ReportsPage} />
        <Route path="/compliance" component={CompliancePage} />
        <Route path="/evidence" component={EvidenceExportPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
