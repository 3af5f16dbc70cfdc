import type { Ctx } from '../../platform/context.ts';
import type { Monitor } from './schemas.ts';

/** Read-only fields another module adds to monitors of one type (a heartbeat's `pingUrl`). */
export type MonitorPresenter = (ctx: Ctx, monitors: Monitor[], baseUrl: string) => Promise<Map<string, Partial<Monitor>>>;

/**
 * Lets modules that build on monitors decorate the monitor objects the API answers without the
 * monitors module knowing them: one presenter per monitor type, applied to a page at once.
 */
export class MonitorPresenters {
  readonly #byType = new Map<string, MonitorPresenter>();

  register(type: string, presenter: MonitorPresenter): void {
    this.#byType.set(type, presenter);
  }

  /** `baseUrl` is where this Custos is reached (the public URL, else the request's origin). */
  async apply<T extends Monitor>(ctx: Ctx, monitors: T[], baseUrl: string): Promise<T[]> {
    if (this.#byType.size === 0) return monitors;
    const extras = new Map<string, Partial<Monitor>>();
    for (const [type, present] of this.#byType) {
      const ofType = monitors.filter((m) => m.type === type);
      if (ofType.length > 0) for (const [id, fields] of await present(ctx, ofType, baseUrl)) extras.set(id, fields);
    }
    return extras.size === 0 ? monitors : monitors.map((m) => (extras.has(m.id) ? { ...m, ...extras.get(m.id) } : m));
  }

  async applyOne<T extends Monitor>(ctx: Ctx, monitor: T, baseUrl: string): Promise<T> {
    return (await this.apply(ctx, [monitor], baseUrl))[0]!;
  }
}
