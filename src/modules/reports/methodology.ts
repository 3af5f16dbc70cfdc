/** How every figure of the report is computed; shipped with each report and evidence pack. */
export const methodology = `# Custos report methodology

All times are UTC. A period is half-open, [from, to): \`from\` is included, \`to\` is not. \`to\` is
clamped to the time the report is generated; a period spans at most 366 days.

## Uptime per monitor
Each monitor's state timeline over the period is rebuilt from its recorded state changes
(flips). Every instant of the period falls in exactly one bucket:
- **up**, **degraded**, **down**: the monitor's confirmed state;
- **maintenance**: inside a maintenance window (excluded from uptime);
- **paused**: the monitor was paused (excluded from uptime);
- **no data**: before the monitor existed, while it was pending (no confirmed result yet), and
  inside coverage gaps (Custos did not run the checks, so the time is evidence of nothing).

Uptime = (up + degraded) / (up + degraded + down). Degraded time counts as available and is
reported apart as the degraded ratio = degraded / (up + degraded + down). When nothing was
measured the uptime is null, never 100%. Monitors deleted before the report are not listed.

## Uptime per service and SLA targets
A service is the value of a monitor's \`service\` label. Its durations are the sums of its
monitors' durations (each monitor weighs by the time it was measured), and its uptime is computed
from the sums as above. The SLA target is the \`sla\` label (or setting) in percent, e.g. \`99.9\`;
a service takes the strictest target among its monitors. A monitor or service meets its SLA when
uptime × 100 ≥ target; without a target or measured time the verdict is null.

## Monitoring coverage
Expected checks = active time / interval, where active time is the time the monitor should have
been checked (existing, not paused, not in maintenance); hours already rolled up take the
rollup's counts. Executed checks are the stored check results. Coverage = min(1, executed /
expected). Coverage gaps are the recorded spans in which checks were due but did not run, each
with its cause: \`process_down\` (Custos was not running), \`overload\` (checks ran late past their
slot) or \`internal_error\`, and the number of checks missed.

## Incidents
Incidents (from the incidents module) count when they were triggered in the period, per severity
P0–P3. MTTA and MTTR are the means of each incident's time to acknowledge and time to resolve,
over the incidents acknowledged / resolved. Each incident carries SLA clocks (response and
resolution due times set from the severity policy when it opened); the share meeting a target
is, of the incidents whose clock has ended or passed its due
time by the time of the report, the share that met it by the due time. Targets vary per incident,
so no single target figure is shown.

**Post-incident reviews** (from the reviews module): an incident whose severity requires a review
(P0 and P1 by default) has its review due the organization's review due time after it resolved
(5 business days on the business calendar by default); a resolved incident for which no review was
opened counts as due 7 days after resolution. Filed on time = filed by the due time; overdue = not
filed and past due; missing = no review opened; on-time ratio = filed on time / (filed + overdue).
Reviews of unresolved incidents are not due yet.

## Alerts
Alerts count when they started in the period. Time to acknowledge = acknowledged − started; time to
resolve = resolved − started; MTTA and MTTR are the means over the alerts acknowledged / resolved.
The share meeting a target is the number acknowledged (resolved) within the target divided by all
alerts of that severity, so unacknowledged and unresolved alerts count as missed. Targets:
critical 15 min / 4 h, error 30 min / 24 h, warning 4 h / 72 h, info none. Each alert counts once,
by its latest episode.

## Notification receipts and channel tests
Every send attempt leaves a receipt. Per channel type: attempts, delivered, failed (given up after
the last retry), retrying (an attempt that failed and was retried) and skipped (the channel was
disabled or lacked credentials). Latency p50/p95 are nearest-rank percentiles over the delivered
attempts' send latency. Test sends are counted apart, per channel, with the last test ever made.

## On-call coverage
For each schedule, the final timeline (layers, restrictions and overrides) is computed over the
period from the schedule's creation. Hours with nobody on call are the parts of that span no shift
covers.

## Configuration and access changes
Every audit event of the organization in the period: its count per action (\`monitor.create\`,
\`member.add\`, \`token.create\`, …) and the list (the latest 5,000). Each action is classed as
**access** (sign-ins, members and roles, API tokens, feed tokens, DSN and signing keys),
**operations** (alerts, incidents, reviews, channel tests, evidence exports) or **configuration**
(every other change: monitors, routes, channels, schedules, policies, status pages, …). The audit chain itself is
hash-linked; \`custos audit verify\` replays it.

## Compliance findings
\`custos compliance check\` evaluates rules mapped to SOC 2 and ISO/IEC 27001:2022 controls over
the current configuration and the last 30 days; each finding names its rule, severity, controls,
the objects involved and the remedy.
`;
