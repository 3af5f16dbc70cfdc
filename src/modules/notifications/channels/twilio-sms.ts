import { truncate } from './http.ts';
import { TwilioSettings, twilioCreate } from './twilio.ts';
import { missing, type ChannelType } from './types.ts';

export const twilioSmsChannel: ChannelType<TwilioSettings> = {
  type: 'twilio-sms',
  label: 'SMS (Twilio)',
  settingsSchema: TwilioSettings,
  secretFields: ['authToken'],
  missingCredentials: (s) => missing(s, 'authToken'),
  templates: {
    text: '[{{status}}] {{severityUpper}} {{title}}{{#responseSla}} — {{responseSla}}{{/responseSla}}{{#links.acknowledge}} Ack: {{links.acknowledge}}{{/links.acknowledge}}',
  },
  send: (n, s, ctx) => twilioCreate(s, 'Messages', { To: n.message.recipient?.phone ?? s.to, From: s.from, Body: truncate(n.text.trim(), 1600) }, ctx),
};
