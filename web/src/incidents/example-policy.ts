import type { CalendarRule, LabelRule } from './policy-types.ts';

/** The year's 31 January (a UK self-assessment filing deadline), or next year's once it has passed. */
function nextFilingDeadline(now: Date): string {
  const year = now.getUTCMonth() === 0 && now.getUTCDate() <= 31 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
  return `${year}-01-31`;
}

/** Example rules: errors in submission or auth are P0, bank feed errors P1, and a filing deadline raises P1 to P0. */
export function exampleRules(now = new Date()): { labelRules: LabelRule[]; calendarRules: CalendarRule[] } {
  return {
    labelRules: [
      { name: 'Submission or sign-in broken', matchers: ['domain=~"submission|auth"'], severity: 'P0' },
      { name: 'Bank feeds failing', matchers: ['domain="bank"'], severity: 'P1' },
    ],
    calendarRules: [{ name: 'Filing deadline', dates: [nextFilingDeadline(now)], from: ['P1'], to: 'P0' }],
  };
}
