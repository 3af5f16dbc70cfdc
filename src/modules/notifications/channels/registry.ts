import { fieldIssues, ValidationError } from '../../../platform/errors.ts';
import { discordChannel } from './discord.ts';
import { emailChannel } from './email.ts';
import { ntfyChannel } from './ntfy.ts';
import { opsgenieChannel } from './opsgenie.ts';
import { pagerDutyChannel } from './pagerduty.ts';
import { slackChannel } from './slack.ts';
import { teamsChannel } from './teams.ts';
import { telegramChannel } from './telegram.ts';
import { twilioSmsChannel } from './twilio-sms.ts';
import { twilioVoiceChannel } from './twilio-voice.ts';
import type { ChannelType } from './types.ts';
import { webhookChannel } from './webhook.ts';

// Settings are checked against the type's own schema, so the registry holds any S.
export type AnyChannelType = ChannelType<any>;

export class ChannelRegistry {
  readonly #types = new Map<string, AnyChannelType>();

  register<S>(channel: ChannelType<S>): this {
    if (this.#types.has(channel.type)) throw new Error(`channel type "${channel.type}" is registered twice`);
    this.#types.set(channel.type, channel);
    return this;
  }

  find(type: string): AnyChannelType | undefined {
    return this.#types.get(type);
  }

  /** Throws VALIDATION_FAILED naming the field `type` for an unknown type. */
  get(type: string): AnyChannelType {
    const channel = this.#types.get(type);
    if (!channel) throw new ValidationError([{ path: 'type', message: `unknown channel type "${type}"; known types: ${[...this.#types.keys()].join(', ')}` }]);
    return channel;
  }

  list(): AnyChannelType[] {
    return [...this.#types.values()];
  }

  /** Settings with defaults applied, or VALIDATION_FAILED with every issue under `settings.<field>`. */
  parseSettings(type: string, raw: unknown): Record<string, unknown> {
    const parsed = this.get(type).settingsSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues, 'settings'));
    return parsed.data as Record<string, unknown>;
  }
}

export function createDefaultChannelRegistry(): ChannelRegistry {
  return new ChannelRegistry()
    .register(slackChannel)
    .register(pagerDutyChannel)
    .register(emailChannel)
    .register(twilioSmsChannel)
    .register(twilioVoiceChannel)
    .register(teamsChannel)
    .register(discordChannel)
    .register(opsgenieChannel)
    .register(telegramChannel)
    .register(ntfyChannel)
    .register(webhookChannel);
}
