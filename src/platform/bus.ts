import { EventEmitter } from 'node:events';

/**
 * In-process notifications (live updates to dashboards, waking a loop). Never the only record of
 * anything: what must survive a crash is a row first, and a bus message second.
 */
export class Bus {
  readonly #emitter = new EventEmitter({ captureRejections: false });

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish<T>(topic: string, payload: T): void {
    this.#emitter.emit(topic, payload);
  }

  subscribe<T>(topic: string, listener: (payload: T) => void): () => void {
    this.#emitter.on(topic, listener);
    return () => this.#emitter.off(topic, listener);
  }
}
