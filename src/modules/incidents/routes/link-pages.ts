import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actOnLink, inspectActionLink } from '../action-link-verbs.ts';
import { LINK_ACTIONS, type LinkAction } from '../action-links.ts';
import type { IncidentDeps } from '../deps.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const VERB: Record<LinkAction, string> = { ack: 'Acknowledge', resolve: 'Resolve' };

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} · Custos</title>` +
        `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2328}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#0969da;color:#fff;cursor:pointer}p.meta{color:#59636e}</style>` +
        `</head><body><h1>${escape(title)}</h1>${body}</body></html>`,
    );
}

function failure(reply: FastifyReply, err: unknown) {
  if (err instanceof AppError && err.code === 'INCIDENT_LINK_EXPIRED') return page(reply, 410, 'This link has expired', '<p>Links in notifications work for a limited time. Open the incident in Custos to act on it.</p>');
  if (err instanceof AppError && err.status === 409) return page(reply, 409, 'Nothing to do', `<p>${escape(err.message)}.</p>`);
  if (err instanceof AppError && (err.code === 'INCIDENT_LINK_INVALID' || err.status === 404)) return page(reply, err.status === 404 ? 404 : 400, 'This link is not valid', '<p>It may have been cut short or altered. Open the incident in Custos instead.</p>');
  throw err;
}

const actionOf = (value: string): LinkAction | null => (LINK_ACTIONS.includes(value as LinkAction) ? (value as LinkAction) : null);

/** `/i/ack/<token>` and `/i/resolve/<token>`: a confirmation page (GET) and the action (POST), for links in notifications. */
export async function linkPageRoutes(app: FastifyInstance, services: Services, deps: IncidentDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
    const opts = { schema: { hide: true }, helmet: false } as const;
    scope.get('/i/:action/:token', opts, async (req, reply) => {
      const { action: given, token } = req.params as { action: string; token: string };
      const action = actionOf(given);
      if (!action) return page(reply, 404, 'Not found', '<p>No such link.</p>');
      try {
        const { incident, actor } = await inspectActionLink({ services, deps, token, action });
        const meta = `<p class="meta">${escape(incident.severity)} · ${escape(incident.status)} · triggered ${escape(incident.triggeredAt)}</p>`;
        const who = actor.id === 'link' ? '' : ` as ${escape(actor.display.replace(/ \(link\)$/, ''))}`;
        const form = `<form method="post"><button type="submit">${VERB[action]} incident${who}</button></form>`;
        return page(reply, 200, `${VERB[action]}: ${incident.title}`, meta + form);
      } catch (err) {
        return failure(reply, err);
      }
    });
    scope.post('/i/:action/:token', opts, async (req, reply) => {
      const { action: given, token } = req.params as { action: string; token: string };
      const action = actionOf(given);
      if (!action) return page(reply, 404, 'Not found', '<p>No such link.</p>');
      try {
        const incident = await actOnLink({ services, deps, token, action });
        const by = action === 'ack' ? incident.acknowledgedBy : incident.resolvedBy;
        return page(reply, 200, `Incident ${incident.status}`, `<p>${escape(incident.title)} is ${escape(incident.status)}${by ? ` (by ${escape(by)})` : ''}.</p>`);
      } catch (err) {
        return failure(reply, err);
      }
    });
  });
}
