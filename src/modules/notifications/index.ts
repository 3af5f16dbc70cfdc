import type { Job } from '../../platform/jobs/index.ts';
import type { CustosModule } from '../../platform/module.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { createDefaultChannelRegistry, type ChannelRegistry } from './channels/index.ts';
import { PreparedChannels } from './attempt.ts';
import { deliverNotification } from './deliver.ts';
import { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions, type NotificationDeps } from './deps.ts';
import { NOTIFICATION_SEND } from './message.ts';
import { notificationRoutes } from './routes.ts';
import { notificationMigrations } from './schema.ts';
import { reencryptColumn } from '../../platform/crypto/index.ts';

export { createChannel } from './create-channel.ts';
export { updateChannel } from './update-channel.ts';
export { deleteChannel } from './delete-channel.ts';
export { getChannel } from './get-channel.ts';
export { listChannels } from './list-channels.ts';
export { listChannelTypes } from './list-channel-types.ts';
export { testChannel } from './test-channel.ts';
export { listReceipts } from './list-receipts.ts';
export { listChannelReceipts } from './list-channel-receipts.ts';
export { listChannelFacts, type ChannelFact } from './list-channel-facts.ts';
export { listReceiptFacts, type ReceiptFact } from './list-receipt-facts.ts';
export { getNotificationSettings } from './get-settings.ts';
export { updateNotificationSettings } from './update-settings.ts';
export { deliverNotification } from './deliver.ts';
export { redactMessage, renderNotification } from './render.ts';
export { NOTIFICATION_ERRORS } from './errors.ts';
export { SELF_ALERT_NAME } from './settle-dispatch.ts';
export { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions, type NotificationDeps, type ChannelDeps } from './deps.ts';
export * from './message.ts';
export * from './schemas.ts';
export { ChannelRegistry, createDefaultChannelRegistry, webhookSignature, type ChannelType, type SendContext, type SendResult } from './channels/index.ts';

export interface NotificationsModuleOptions {
  channels?: ChannelRegistry;
  delivery?: Partial<DeliveryOptions>;
}

export function notificationDeps(runtime: Runtime, options: NotificationsModuleOptions & { channels: ChannelRegistry }): NotificationDeps {
  return {
    services: { config: runtime.config, db: runtime.db, dialect: runtime.dialect, clock: runtime.clock, logger: runtime.logger.child({ component: 'notifications' }) },
    registry: options.channels,
    secrets: () => runtime.secrets(),
    options: { ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery },
    prepared: new PreparedChannels(),
  };
}

/** Channels, delivery of `notification.send` jobs with receipts, and the channel and receipt API. */
export function createNotificationsModule(options: NotificationsModuleOptions = {}): CustosModule & { channels: ChannelRegistry } {
  const channels = options.channels ?? createDefaultChannelRegistry();
  return {
    name: 'notifications',
    channels,
    migrations: notificationMigrations,
    registerJobs(runner, runtime) {
      const deps = notificationDeps(runtime, { ...options, channels });
      runner.register(NOTIFICATION_SEND, ({ job, signal, complete }) => deliverNotification({ deps, job: job as Job<unknown>, signal, complete }));
    },
    routes: (api, runtime) => notificationRoutes(api, notificationDeps(runtime, { ...options, channels })),
    rotateSecrets: (runtime, box) => reencryptColumn(runtime.db, 'notification_channels', 'secrets', box),
  };
}
