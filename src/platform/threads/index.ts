export { ThreadClient, type ThreadClientOptions } from './thread-client.ts';
export { serveThread, type ServeThreadOptions } from './serve-thread.ts';
