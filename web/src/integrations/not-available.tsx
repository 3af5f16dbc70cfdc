import { EmptyState } from '../components/empty-state.tsx';

/** Shown while the server has no /integrations yet (an older or partly upgraded Custos). */
export function IntegrationsNotAvailable() {
  return (
    <div className="card">
      <EmptyState title="Inbound integrations are not available on this server yet">
        This Custos does not offer /api/v1/integrations. After an upgrade, Alertmanager, GitHub Actions, PagerDuty-compatible tools and JSON webhooks can raise alerts here.
      </EmptyState>
    </div>
  );
}
