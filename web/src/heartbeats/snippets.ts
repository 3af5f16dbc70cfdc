import type { Heartbeat, HeartbeatSchedule } from './types.ts';

export const CURL = 'curl -fsS -m 10 --retry 5 -o /dev/null';

/** A crontab schedule that matches a period, where one does; else hourly, marked for adjusting. */
export function cronForPeriod(period: number): { cron: string; exact: boolean } {
  if (period === 86_400) return { cron: '0 0 * * *', exact: true };
  if (period % 3600 === 0 && 24 % (period / 3600) === 0) return { cron: period === 3600 ? '0 * * * *' : `0 */${period / 3600} * * *`, exact: true };
  if (period % 60 === 0 && 60 % (period / 60) === 0) return { cron: period === 60 ? '* * * * *' : `*/${period / 60} * * * *`, exact: true };
  return { cron: '0 * * * *', exact: false };
}

function cronOf(schedule: HeartbeatSchedule): { lines: string[]; cron: string } {
  if (schedule.kind === 'cron') {
    // cronie and Vixie cron read CRON_TZ; without it the job would run in the server's zone.
    return { cron: schedule.cron, lines: schedule.timezone === 'UTC' ? [] : [`CRON_TZ=${schedule.timezone}`] };
  }
  const { cron, exact } = cronForPeriod(schedule.period);
  return { cron, lines: exact ? [] : ['# adjust the schedule below to how often the job runs'] };
}

/** A ready crontab line: run the job, and ping only when it succeeded. */
export function crontabLine(hb: Pick<Heartbeat, 'schedule' | 'pingUrl'>, command = '/path/to/job.sh'): string {
  const { cron, lines } = cronOf(hb.schedule);
  return [...lines, `${cron} ${command} && ${CURL} ${hb.pingUrl}`].join('\n');
}

/** A wrapper that reports the start, the exit status and the output, so runs get durations and logs. */
export function wrapperScript(hb: Pick<Heartbeat, 'pingUrl' | 'bodyLimit'>, command = '/path/to/job.sh'): string {
  return [
    '#!/bin/sh',
    `URL=${hb.pingUrl}`,
    'RID=$(cat /proc/sys/kernel/random/uuid)',
    `${CURL} "$URL/start?rid=$RID"`,
    `OUTPUT=$(${command} 2>&1)`,
    'STATUS=$?',
    `# exit status 0 is success, anything else a failure; the last ${hb.bodyLimit.toLocaleString('en')} bytes of output become the ping's log`,
    `printf '%s' "$OUTPUT" | tail -c ${hb.bodyLimit} | ${CURL} --data-binary @- "$URL/$STATUS?rid=$RID"`,
  ].join('\n');
}

export const curlExample = (url: string) => `${CURL} ${url}`;
