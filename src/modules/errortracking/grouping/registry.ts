import { createHash } from 'node:crypto';
import { defaultComponents, exceptionsOf, messageOf } from './components.ts';

type Json = Record<string, unknown>;

/** A grouping config turns an event into the components its issue hash is made of. */
export interface GroupingConfig {
  id: string;
  defaultComponents(event: Json): unknown[];
}

const DEFAULT_VARIABLE = /^\{\{\s*default\s*\}\}$/;

export class GroupingConfigs {
  readonly #configs = new Map<string, GroupingConfig>();

  register(config: GroupingConfig): this {
    if (this.#configs.has(config.id)) throw new Error(`grouping config ${config.id} registered twice`);
    this.#configs.set(config.id, config);
    return this;
  }

  has(id: string): boolean {
    return this.#configs.has(id);
  }

  ids(): string[] {
    return [...this.#configs.keys()];
  }

  /**
   * The issue hash of an event under a config: the client's fingerprint first (`{{ default }}`
   * stands for the config's default components), else the default components.
   */
  hash(configId: string, event: Json): string {
    const config = this.#configs.get(configId);
    if (!config) throw new Error(`unknown grouping config ${configId}`);
    return hashComponents(componentsOf(config, event));
  }
}

function componentsOf(config: GroupingConfig, event: Json): unknown[] {
  const fingerprint = Array.isArray(event.fingerprint) ? event.fingerprint.filter((p) => typeof p === 'string' || typeof p === 'number').map(String) : [];
  if (fingerprint.length === 0) return config.defaultComponents(event);
  return fingerprint.slice(0, 64).map((part) => (DEFAULT_VARIABLE.test(part) ? config.defaultComponents(event) : ['fingerprint', variable(part, event) ?? part.slice(0, 500)]));
}

/** The few other fingerprint variables Sentry documents that need nothing but the event. */
function variable(part: string, event: Json): string | undefined {
  const m = /^\{\{\s*([a-z_.]+)\s*\}\}$/.exec(part);
  if (!m) return undefined;
  const first = exceptionsOf(event)[0];
  switch (m[1]) {
    case 'type':
    case 'error.type':
      return String(first?.type ?? '<no-type>');
    case 'error.value':
      return String(first?.value ?? '<no-value>');
    case 'message':
      return messageOf(event) ?? '<no-message>';
    case 'transaction':
      return String(event.transaction ?? '<no-transaction>');
    case 'level':
      return String(event.level ?? 'error');
    case 'logger':
      return String(event.logger ?? '<no-logger>');
    default:
      return undefined;
  }
}

export function hashComponents(components: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(components)).digest('hex').slice(0, 32);
}

export const CURRENT_GROUPING_CONFIG = 'custos:2026-12';

export function createGroupingConfigs(): GroupingConfigs {
  return new GroupingConfigs().register({ id: CURRENT_GROUPING_CONFIG, defaultComponents });
}
