/** Requests travel in batches: the ones made in one turn of the event loop share a message. */
export type ToThread<Req> = { type: 'work'; requests: [id: number, request: Req][] } | { type: 'stop' };
/** A failure travels as its message: the caller's promise rejects with it, nothing was done. */
export type ThreadResult<Res> = [id: number, ok: true, value: Res] | [id: number, ok: false, message: string];
export type FromThread<Res> = { type: 'results'; results: ThreadResult<Res>[] } | { type: 'stopped' };
