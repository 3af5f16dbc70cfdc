import type { Ctx } from '../../platform/context.ts';
import type { ContactType } from './contact-schemas.ts';

export interface ChannelRef {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
}

/**
 * The organization's notification channels, as paging needs them. The composition root
 * supplies it over the notifications module, which owns the channels.
 */
export interface ChannelDirectory {
  list(ctx: Ctx): Promise<ChannelRef[]>;
}

/** The channel types that can carry each kind of contact method; chat goes through the channel the method names. */
export const CHANNEL_TYPES_OF: Record<ContactType, readonly string[] | null> = {
  email: ['email'],
  sms: ['twilio-sms'],
  voice: ['twilio-voice'],
  chat: null,
};

/** The channel a page through this method goes out on: the named one, else the first enabled one of a matching type. */
export function channelFor(method: { type: ContactType; channelId: string | null }, channels: ChannelRef[]): ChannelRef | null {
  const types = CHANNEL_TYPES_OF[method.type];
  const fits = (c: ChannelRef) => c.enabled && (types === null || types.includes(c.type));
  if (method.channelId) return channels.find((c) => c.id === method.channelId && fits(c)) ?? null;
  return types === null ? null : (channels.filter(fits).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))[0] ?? null);
}
