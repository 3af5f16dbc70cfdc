import { z } from 'zod';
import { assertCan, type Ctx } from '../../platform/context.ts';
import type { ChannelDeps } from './deps.ts';
import type { ChannelTypeInfo } from './schemas.ts';

/** The registered channel types with their settings as JSON Schema, for forms and config-as-code. */
export function listChannelTypes({ ctx, deps }: { ctx: Ctx; deps: Pick<ChannelDeps, 'registry'> }): ChannelTypeInfo[] {
  assertCan(ctx, 'read');
  return deps.registry.list().map((t) => ({
    type: t.type,
    label: t.label,
    secretFields: [...t.secretFields],
    minIntervalMs: t.minIntervalMs ?? null,
    settingsSchema: z.toJSONSchema(t.settingsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  }));
}
