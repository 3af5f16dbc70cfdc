import type { CustosModule } from '../../platform/module.ts';
import { liveRoutes, type LiveOptions } from './routes.ts';

export { LIVE_ERRORS } from './errors.ts';
export { LiveHub, sseFrame } from './hub.ts';

/** Topics the dashboard follows; each payload carries the `orgId` it belongs to. */
export const LIVE_TOPICS = ['monitor.state'];

const DEFAULTS: LiveOptions = { topics: LIVE_TOPICS, heartbeatMs: 15_000, maxStreamsPerOrg: 200, maxStreamMs: 15 * 60_000, coalesceMs: 500 };

/** Live updates for dashboards: `GET /api/v1/events` streams the organization's bus events. */
export function createLiveModule(options: Partial<LiveOptions> = {}): CustosModule {
  const resolved = { ...DEFAULTS, ...options };
  return {
    name: 'live',
    routes: (api, runtime) => liveRoutes(api, runtime, resolved),
  };
}
