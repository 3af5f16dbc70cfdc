import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import { dnsProbe } from './dns.ts';
import { heartbeatProbe } from './heartbeat.ts';
import { httpProbe } from './http.ts';
import { postgresProbe } from './postgres.ts';
import type { ProbeType } from './probe.ts';
import { redisProbe } from './redis.ts';
import { statuspageProbe } from './statuspage.ts';
import { tcpProbe } from './tcp.ts';
import { tlsProbe } from './tls.ts';

// Settings are checked against the type's own schema at run time, so the registry holds any S.
type AnyProbeType = ProbeType<any>;

export class ProbeRegistry {
  readonly #types = new Map<string, AnyProbeType>();

  register<S>(probe: ProbeType<S>): this {
    if (this.#types.has(probe.type)) throw new Error(`probe type "${probe.type}" is registered twice`);
    this.#types.set(probe.type, probe);
    return this;
  }

  /** Throws VALIDATION_FAILED naming the field `type` for an unknown type. */
  get(type: string): AnyProbeType {
    const probe = this.#types.get(type);
    if (!probe) throw new ValidationError([{ path: 'type', message: `unknown probe type "${type}"; known types: ${[...this.#types.keys()].join(', ')}` }]);
    return probe;
  }

  list(): AnyProbeType[] {
    return [...this.#types.values()];
  }

  /** Returns the settings with defaults applied, or throws VALIDATION_FAILED with every issue under `settings.<field>`. */
  parseSettings(type: string, raw: unknown): unknown {
    const parsed = this.get(type).settingsSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues, 'settings'));
    return parsed.data;
  }
}

export function createDefaultProbeRegistry(): ProbeRegistry {
  return new ProbeRegistry()
    .register(httpProbe)
    .register(tcpProbe)
    .register(dnsProbe)
    .register(tlsProbe)
    .register(postgresProbe)
    .register(redisProbe)
    .register(statuspageProbe)
    .register(heartbeatProbe);
}
