export { ChannelRegistry, createDefaultChannelRegistry, type AnyChannelType } from './registry.ts';
export type { ChannelType, ChannelTemplate, RenderedNotification, SendContext, SendResult } from './types.ts';
export { webhookSignature } from './webhook.ts';
export { classifyStatus, parseRetryAfter } from './http.ts';
