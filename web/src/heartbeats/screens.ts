export { EditHeartbeatPage, NewHeartbeatPage } from './heartbeat-form-page.tsx';
export { HeartbeatDetailPage } from './heartbeat-detail-page.tsx';
export { HeartbeatsPage } from './heartbeats-page.tsx';
