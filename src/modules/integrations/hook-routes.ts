import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import { answerFor } from './hook-answer.ts';
import { decodeJson } from './hook-request.ts';
import { receiveDelivery } from './receive-delivery.ts';
import { rejection } from './types/common.ts';
import type { DeliveryReport, HookRequest, HookRoute, Rejection } from './types/types.ts';

const schema = (summary: string) => ({ tags: ['integrations'], summary });
const refused = (r: Rejection): DeliveryReport => ({ id: null, duplicate: false, outcome: 'rejected', event: null, changes: [], rejection: r });

/**
 * `POST /hooks/<token>` for every integration, plus each type's own URLs. No authentication: the
 * token is the secret, and signing senders are checked by their type. Any content type is read as
 * bytes, so signatures are checked over exactly what was sent.
 */
export async function hookRoutes(app: FastifyInstance, services: Services, deps: IntegrationDeps): Promise<void> {
  const handler = (routeType?: string, route?: HookRoute) => async (req: FastifyRequest, reply: FastifyReply) => {
    const request: HookRequest = { headers: req.headers, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
    const answer = (type: Parameters<typeof answerFor>[0], report: DeliveryReport) => {
      const a = answerFor(type, report, req.id);
      return reply.status(a.status).type('application/json; charset=utf-8').send(a.body);
    };
    let token = (req.params as { token?: string }).token;
    if (token === undefined && route?.tokenFrom) {
      const type = deps.registry.find(routeType!) ?? null;
      const json = decodeJson(request);
      if (!json.ok) return answer(type, refused(rejection(400, 'INVALID_JSON', json.message)));
      token = route.tokenFrom(json.value);
      if (!token) return answer(type, refused(rejection(400, 'HOOK_PAYLOAD_INVALID', 'The body names no integration token', ["'routing_key' is missing"])));
    }
    const { type, report } = await receiveDelivery({ services, deps, input: { token: token ?? '', routeType, request } });
    return answer(type, report);
  };

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/hooks/:token', { config: { policy: 'public' }, helmet: false, schema: schema('A delivery from a sender; the token names the integration') }, handler());
    for (const type of deps.registry.list()) {
      for (const route of type.routes ?? []) {
        scope.post(route.url, { config: { policy: 'public' }, helmet: false, schema: schema(`A delivery in the ${type.label} dialect`) }, handler(type.type, route));
      }
    }
  });
}
