import type { ComplianceRule } from '../rule.ts';
import { auditChainUnverified } from './audit-chain-unverified.ts';
import { channelNeverTested } from './channel-never-tested.ts';
import { criticalAlertsEmailOnly } from './critical-alerts-email-only.ts';
import { httpsWithoutCertificateMonitor } from './https-without-certificate-monitor.ts';
import { monitoringGaps } from './monitoring-gaps.ts';
import { oncallMissing } from './oncall-missing.ts';
import { reviewsOverdue } from './reviews-overdue.ts';
import { scheduledJobWithoutHeartbeat } from './scheduled-job-without-heartbeat.ts';
import { serviceWithoutMonitor } from './service-without-monitor.ts';
import { uptimeBelowSla } from './uptime-below-sla.ts';

/** Every rule `checkCompliance` evaluates, in report order. */
export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  serviceWithoutMonitor,
  httpsWithoutCertificateMonitor,
  scheduledJobWithoutHeartbeat,
  criticalAlertsEmailOnly,
  oncallMissing,
  channelNeverTested,
  uptimeBelowSla,
  reviewsOverdue,
  monitoringGaps,
  auditChainUnverified,
];
