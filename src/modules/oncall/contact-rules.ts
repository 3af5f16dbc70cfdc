import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError, type FieldIssue } from '../../platform/errors.ts';
import { CHANNEL_TYPES_OF, type ChannelDirectory } from './channels.ts';
import type { ContactType } from './contact-schemas.ts';

const Email = z.email();
const Phone = /^\+[1-9]\d{6,14}$/;

/** Checks a contact method as it will be stored: the address its type needs and a channel that can carry it. */
export async function checkContactMethod(ctx: Ctx, channels: ChannelDirectory, method: { type: ContactType; address: string | null; channelId: string | null }): Promise<void> {
  const issues: FieldIssue[] = [];
  if (method.type === 'email' && !(method.address && Email.safeParse(method.address).success)) issues.push({ path: 'address', message: 'an email address' });
  if ((method.type === 'sms' || method.type === 'voice') && !(method.address && Phone.test(method.address))) issues.push({ path: 'address', message: 'an E.164 number such as +447700900123' });
  if (method.type === 'chat' && !method.channelId) issues.push({ path: 'channelId', message: 'required for chat: the channel that reaches this person' });
  if (method.channelId) {
    const channel = (await channels.list(ctx)).find((c) => c.id === method.channelId);
    const types = CHANNEL_TYPES_OF[method.type];
    if (!channel) issues.push({ path: 'channelId', message: 'no such channel in this organization' });
    else if (types && !types.includes(channel.type)) issues.push({ path: 'channelId', message: `a ${method.type} contact method needs a channel of type ${types.join(' or ')}` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
