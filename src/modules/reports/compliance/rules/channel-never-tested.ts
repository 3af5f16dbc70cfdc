import { ISO, SOC2, type ComplianceRule } from '../rule.ts';

export const channelNeverTested: ComplianceRule = {
  id: 'channel-never-tested',
  title: 'A notification channel was never tested',
  severity: 'medium',
  controls: [SOC2('CC7.3'), SOC2('CC7.4'), ISO('A.5.24'), ISO('A.5.26')],
  remedy: 'Send a test notification (POST /api/v1/channels/:id/test) and confirm it arrived; the receipt is the evidence.',
  evaluate({ channels }) {
    return {
      findings: channels
        .filter((c) => c.enabled && c.lastTestAt === null)
        .map((c) => ({ message: `Channel "${c.name}" (${c.type}) has no test receipt.`, objects: [{ type: 'channel', id: c.id, name: c.name }] })),
    };
  },
};
