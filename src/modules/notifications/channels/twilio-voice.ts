import { truncate } from './http.ts';
import { escapeXml, TwilioSettings, twilioCreate } from './twilio.ts';
import { missing, type ChannelType } from './types.ts';

export const twilioVoiceChannel: ChannelType<TwilioSettings> = {
  type: 'twilio-voice',
  label: 'Voice call (Twilio)',
  settingsSchema: TwilioSettings,
  secretFields: ['authToken'],
  missingCredentials: (s) => missing(s, 'authToken'),
  templates: {
    text: 'This is Custos for {{org.name}}. {{status}}, severity {{severity}}. {{title}}. {{#responseSla}}{{responseSla}}.{{/responseSla}}',
  },
  send(n, s, ctx) {
    // The message is said twice: a page answered half-asleep is often missed the first time.
    const twiml = `<Response><Say loop="2">${escapeXml(truncate(n.text.trim(), 1000))}</Say></Response>`;
    return twilioCreate(s, 'Calls', { To: n.message.recipient?.phone ?? s.to, From: s.from, Twiml: twiml }, ctx);
  },
};
