import { acknowledgeAlert, raiseAlert, resolveAlert } from '../alerts/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { alertIdFor } from './delivery-store.ts';
import { fitAnnotations, fitLabels } from './fit-alert.ts';
import type { AlertChange, AppliedChange } from './types/types.ts';

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : null);

/** Applies one change through the alerts module's verbs, inside the delivery's transaction. */
export async function applyChange(ctx: Ctx, integration: { id: string; labels: Record<string, string> }, change: AlertChange): Promise<AppliedChange> {
  const base = { dedupKey: change.dedupKey, ref: change.ref ?? null, action: change.action };
  if (change.action === 'fire') {
    const { alert, outcome } = await raiseAlert({
      ctx,
      input: {
        dedupKey: change.dedupKey,
        labels: fitLabels(integration.labels, change.labels),
        annotations: fitAnnotations(change.annotations),
        severity: change.severity,
        source: 'integration',
        at: change.at,
        startsAt: change.startsAt,
        generatorUrl: change.generatorUrl,
      },
    });
    return { ...base, result: outcome, alertId: alert?.id ?? null };
  }
  if (change.action === 'resolve') {
    try {
      const { alert, outcome } = await resolveAlert({ ctx, input: { dedupKey: change.dedupKey, at: change.at, annotations: change.annotations ? fitAnnotations(change.annotations) : undefined } });
      return { ...base, result: outcome, alertId: alert.id };
    } catch (err) {
      if (codeOf(err) === 'ALERT_NOT_FOUND') return { ...base, result: 'unknown', alertId: null };
      throw err;
    }
  }
  const alertId = await alertIdFor(ctx, integration.id, change.dedupKey);
  if (alertId === null) return { ...base, result: 'unknown', alertId: null };
  try {
    await acknowledgeAlert({ ctx, id: alertId });
    return { ...base, result: 'acknowledged', alertId };
  } catch (err) {
    if (codeOf(err) === 'ALERT_NOT_FIRING') return { ...base, result: 'not_firing', alertId };
    if (codeOf(err) === 'ALERT_NOT_FOUND') return { ...base, result: 'unknown', alertId: null };
    throw err;
  }
}
