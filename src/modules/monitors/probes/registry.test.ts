import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../../platform/errors.ts';
import type { ProbeType } from './probe.ts';
import { createDefaultProbeRegistry, ProbeRegistry } from './registry.ts';
import { testContext } from './test-helpers.ts';

const Settings = z.object({ answer: z.int().default(42) });
const fixedProbe: ProbeType<z.infer<typeof Settings>> = {
  type: 'fixed',
  settingsSchema: Settings,
  check: async (settings) => ({ outcome: settings.answer === 42 ? 'up' : 'down', latencyMs: 0 }),
};

describe('ProbeRegistry', () => {
  it('registers every built-in probe type', () => {
    expect(createDefaultProbeRegistry().list().map((p) => p.type)).toEqual(['http', 'tcp', 'dns', 'tls', 'postgres', 'redis', 'statuspage', 'heartbeat']);
  });

  it('runs a registered type through its own schema and check', async () => {
    const registry = new ProbeRegistry().register(fixedProbe);
    const settings = registry.parseSettings('fixed', {});
    expect(settings).toEqual({ answer: 42 });
    expect(await registry.get('fixed').check(settings, testContext())).toMatchObject({ outcome: 'up' });
  });

  it('refuses to register a type twice', () => {
    expect(() => new ProbeRegistry().register(fixedProbe).register(fixedProbe)).toThrow(/twice/);
  });

  it('rejects an unknown type naming the field type', () => {
    const error = (() => {
      try {
        createDefaultProbeRegistry().get('ftp');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('VALIDATION_FAILED');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['type']);
  });

  it('rejects invalid settings with every issue under settings.<field>', () => {
    const registry = createDefaultProbeRegistry();
    try {
      registry.parseSettings('http', { url: 'not a url', maxRedirects: -1 });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).code).toBe('VALIDATION_FAILED');
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['settings.url', 'settings.maxRedirects']);
    }
  });

  it('gives each built-in type a schema that names the missing field', () => {
    // A heartbeat needs no settings: it defaults to one ping a day with an hour of grace.
    for (const probe of createDefaultProbeRegistry().list().filter((p) => p.type !== 'heartbeat')) {
      const parsed = probe.settingsSchema.safeParse({});
      expect(parsed.success, probe.type).toBe(false);
      expect(parsed.error?.issues.every((i) => i.path.length > 0), probe.type).toBe(true);
    }
  });
});
