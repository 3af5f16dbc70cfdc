import { recordAudit } from '../audit/index.ts';
import { assertCan, inTransaction, serviceCtx, type Ctx, type Services } from '../../platform/context.ts';
import { AppError, ValidationError } from '../../platform/errors.ts';
import { acknowledgeIncident } from './acknowledge-incident.ts';
import { DEFAULT_LINK_TTL_MS, linkUrl, readLink, signLink, verifyLink, type LinkAction, type LinkClaims } from './action-links.ts';
import type { IncidentDeps } from './deps.ts';
import { orgMembers } from './members.ts';
import { resolveIncident } from './resolve-incident.ts';
import type { Incident } from './schemas.ts';
import { getIncidentInOrg, orgOfIncident, presentIncident } from './store.ts';

/** A signed link that acknowledges or resolves the incident as `userId` until it expires (default a day, at most a week); audited, never with the token. */
export async function createActionLink({ ctx, deps, id, input }: { ctx: Ctx; deps: IncidentDeps; id: string; input: { action: LinkAction; userId?: string; expiresInMinutes?: number } }) {
  assertCan(ctx, 'respond');
  return inTransaction(ctx, async (tx) => {
    await getIncidentInOrg(tx, id);
    if (input.userId && !(await orgMembers(tx)).has(input.userId)) throw new ValidationError([{ path: 'userId', message: 'not a member of this organization' }]);
    const expiresAt = tx.clock.now() + (input.expiresInMinutes ? input.expiresInMinutes * 60_000 : DEFAULT_LINK_TTL_MS);
    const token = await signLink(tx, deps.secrets(), { incidentId: id, action: input.action, userId: input.userId ?? null, expiresAt });
    const issued = { action: input.action, userId: input.userId ?? null, expiresAt: new Date(expiresAt).toISOString() };
    await recordAudit(tx, { action: 'incident.link_issued', subject: { type: 'incident', id }, data: issued });
    return { action: input.action, url: linkUrl(tx, input.action, token), token, expiresAt: issued.expiresAt };
  });
}

/** Checks a link (signature, expiry, that its user is still a member) and answers what it would act on. */
export async function inspectActionLink({ services, deps, token, action }: { services: Services; deps: IncidentDeps; token: string; action: LinkAction }) {
  const orgId = await orgOfIncident(services.db, readLink(token).incidentId);
  if (!orgId) throw new AppError('INCIDENT_NOT_FOUND', 'Incident not found');
  const ctx = serviceCtx(services, orgId);
  const claims = await verifyLink(ctx, deps.secrets(), token, action);
  const actor = await linkActor(ctx, claims);
  const incident = { ...(await presentIncident(ctx, await getIncidentInOrg(ctx, claims.incidentId))), orgId };
  return { claims, actor, incident };
}

async function linkActor(ctx: Ctx, claims: LinkClaims): Promise<Ctx['actor']> {
  if (!claims.userId) return { type: 'link', id: 'link', display: 'signed link' };
  const member = (await orgMembers(ctx)).get(claims.userId);
  if (!member) throw new AppError('INCIDENT_LINK_INVALID', 'The person this link was issued to is no longer a member');
  return { type: 'link', id: member.userId, display: `${member.email} (link)` };
}

/** Acts on a link: acknowledges or resolves as actor `link` for the person it was issued to. */
export async function actOnLink({ services, deps, token, action }: { services: Services; deps: IncidentDeps; token: string; action: LinkAction }): Promise<Incident> {
  const { claims, actor, incident } = await inspectActionLink({ services, deps, token, action });
  const ctx = serviceCtx(services, incident.orgId, actor, 'responder');
  return action === 'ack' ? acknowledgeIncident({ ctx, id: claims.incidentId, note: 'from a signed link' }) : resolveIncident({ ctx, id: claims.incidentId, note: 'from a signed link' });
}
