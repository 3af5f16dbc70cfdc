import type { CustosModule } from '../../platform/module.ts';
import { servicesOf, type Runtime } from '../../platform/runtime.ts';
import type { ChannelDirectory } from './channels.ts';
import { registerEscalationJobs } from './jobs.ts';
import { icalRoutes } from './routes/ical.ts';
import { personalRoutes } from './routes/personal.ts';
import { policyRoutes } from './routes/policies.ts';
import { scheduleRoutes } from './routes/schedules.ts';
import { oncallMigrations } from './schema.ts';

export { createSchedule } from './create-schedule.ts';
export { getSchedule } from './get-schedule.ts';
export { listSchedules } from './list-schedules.ts';
export { updateSchedule } from './update-schedule.ts';
export { deleteSchedule } from './delete-schedule.ts';
export { addLayer } from './add-layer.ts';
export { updateLayer } from './update-layer.ts';
export { deleteLayer } from './delete-layer.ts';
export { createOverride } from './create-override.ts';
export { listOverrides } from './list-overrides.ts';
export { deleteOverride } from './delete-override.ts';
export { whoIsOnCall } from './who-is-on-call.ts';
export { listShifts, MAX_SHIFT_RANGE } from './list-shifts.ts';
export { createFeedToken } from './create-feed-token.ts';
export { listFeedTokens } from './list-feed-tokens.ts';
export { revokeFeedToken } from './revoke-feed-token.ts';
export { renderFeed, FEED_PAST, FEED_AHEAD } from './render-feed.ts';
export { createEscalationPolicy } from './create-escalation-policy.ts';
export { getEscalationPolicy } from './get-escalation-policy.ts';
export { listEscalationPolicies } from './list-escalation-policies.ts';
export { updateEscalationPolicy } from './update-escalation-policy.ts';
export { deleteEscalationPolicy } from './delete-escalation-policy.ts';
export { createContactMethod } from './create-contact-method.ts';
export { listContactMethods } from './list-contact-methods.ts';
export { updateContactMethod } from './update-contact-method.ts';
export { deleteContactMethod } from './delete-contact-method.ts';
export { createNotificationRule } from './create-notification-rule.ts';
export { listNotificationRules } from './list-notification-rules.ts';
export { updateNotificationRule } from './update-notification-rule.ts';
export { deleteNotificationRule } from './delete-notification-rule.ts';
export { startEscalation, type StartEscalationOptions } from './start-escalation.ts';
export { acknowledgeEscalation } from './acknowledge-escalation.ts';
export { stopEscalation } from './stop-escalation.ts';
export { getEscalation } from './get-escalation.ts';
export { listEscalationEvents } from './list-escalation-events.ts';
export { runEscalationStep, type StepJobPayload, type PageJobPayload } from './run-escalation-step.ts';
export { sendPage } from './send-page.ts';
export { ESCALATION_STEP_JOB, ESCALATION_PAGE_JOB, urgencyOf } from './urgency.ts';
export type { EscalationRef } from './end-escalation.ts';
export type { ChannelDirectory, ChannelRef } from './channels.ts';
export { ONCALL_ERRORS } from './errors.ts';
export { renderCalendar, foldLine, escapeText } from './ical/serialize.ts';
export * from './schedule-schemas.ts';
export * from './escalation-schemas.ts';
export * from './contact-schemas.ts';

export interface OncallModuleOptions {
  /** The organization's notification channels; the composition root adapts the notifications module. */
  channels: (runtime: Runtime) => ChannelDirectory;
}


/** Schedules, escalation policies, personal contact methods and the paging engine. */
export function createOncallModule(options: OncallModuleOptions): CustosModule {
  const directories = new WeakMap<Runtime, ChannelDirectory>();
  const channelsOf = (runtime: Runtime) => {
    let directory = directories.get(runtime);
    if (!directory) directories.set(runtime, (directory = options.channels(runtime)));
    return directory;
  };
  return {
    name: 'oncall',
    migrations: oncallMigrations,
    registerJobs: (runner, runtime) => registerEscalationJobs(runner, servicesOf(runtime), channelsOf(runtime)),
    routes: (api, runtime) => {
      scheduleRoutes(api);
      policyRoutes(api, channelsOf(runtime));
      personalRoutes(api, channelsOf(runtime));
    },
    rootRoutes: (app, runtime) => icalRoutes(app, servicesOf(runtime)),
  };
}
