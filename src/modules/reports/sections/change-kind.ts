export type ChangeKind = 'access' | 'configuration' | 'operations';

/** Who may do what: sign-ins, members, roles, tokens and keys. */
const ACCESS = ['auth.', 'member.', 'token.', 'user.', 'org.', 'feed_token.', 'project_key.', 'integration.rotate_token', 'heartbeat_ping_key.', 'signing_key.'];
/** Running the service rather than changing it: alerts, incidents, reviews, tests and exports. */
const OPERATIONS = ['alert.', 'incident.', 'escalation.', 'review.', 'issue.', 'channel.test', 'evidence_pack.', 'status_page_incident.', 'sourcemap.', 'release.', 'results.'];

/** Classifies an audit action (`entity.verb`); whatever is neither access nor operations changes configuration. */
export function changeKind(action: string): ChangeKind {
  if (ACCESS.some((p) => action.startsWith(p))) return 'access';
  if (OPERATIONS.some((p) => action.startsWith(p))) return 'operations';
  return 'configuration';
}
