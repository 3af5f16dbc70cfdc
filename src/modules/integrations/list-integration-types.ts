import { z } from 'zod';
import { assertCan, type Ctx } from '../../platform/context.ts';
import type { IntegrationDeps } from './deps.ts';
import type { IntegrationTypeInfo } from './schemas.ts';

export function listIntegrationTypes({ ctx, deps }: { ctx: Ctx; deps: IntegrationDeps }): IntegrationTypeInfo[] {
  assertCan(ctx, 'read');
  return deps.registry.list().map((t) => ({
    type: t.type,
    label: t.label,
    secretFields: [...t.secretFields],
    paths: ['/hooks/:token', ...(t.routes ?? []).map((r) => r.url)],
    settingsSchema: z.toJSONSchema(t.settingsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  }));
}
