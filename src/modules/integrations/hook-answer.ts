import type { AnyIntegrationType } from './types/registry.ts';
import type { DeliveryReport, HookAnswer } from './types/types.ts';

/** The answer in the type's own dialect, else 200 JSON on success and the Custos error envelope on failure. */
export function answerFor(type: AnyIntegrationType | null, report: DeliveryReport, requestId: string): HookAnswer {
  if (type?.answer) return type.answer(report);
  const r = report.rejection;
  if (r) return { status: r.status, body: { error: { code: r.code, message: r.message, requestId, details: { errors: r.errors } } } };
  return {
    status: 200,
    body: {
      status: 'ok',
      deliveryId: report.id,
      duplicate: report.duplicate,
      outcome: report.outcome,
      alerts: report.changes.map((c) => ({ dedupKey: c.dedupKey, action: c.action, result: c.result, alertId: c.alertId })),
    },
  };
}
