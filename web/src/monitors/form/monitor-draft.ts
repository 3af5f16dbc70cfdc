import type { Monitor } from '../../api/types.ts';
import { labelsToText, textToLabels } from '../../components/labels.tsx';
import { probeUi } from '../probe-fields/registry.ts';
import { draftToSettings, settingsToDraft } from '../probe-fields/settings-draft.ts';
import type { Draft } from '../probe-fields/types.ts';

/** Everything the monitor form edits, as the text in its inputs. */
export interface MonitorDraft {
  name: string;
  type: string;
  interval: string;
  timeoutMs: string;
  retryInterval: string;
  confirmDown: string;
  confirmUp: string;
  labels: string;
  settings: Draft;
}

export function newDraft(type = 'http'): MonitorDraft {
  return { name: '', type, interval: '60', timeoutMs: '', retryInterval: '', confirmDown: '2', confirmUp: '1', labels: '', settings: { ...probeUi(type)?.defaults } };
}

export function monitorToDraft(m: Monitor): MonitorDraft {
  const ui = probeUi(m.type);
  return {
    name: m.name,
    type: m.type,
    interval: String(m.interval),
    timeoutMs: String(m.timeoutMs),
    retryInterval: String(m.retryInterval),
    confirmDown: String(m.confirmDown),
    confirmUp: String(m.confirmUp),
    labels: labelsToText(m.labels),
    settings: ui ? settingsToDraft(ui.fields, m.settings) : {},
  };
}

const num = (text: string) => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);

/** The settings the form describes; throws DraftError for input it cannot read (bad JSON). */
export function draftSettings(draft: MonitorDraft, base?: Record<string, unknown>): Record<string, unknown> {
  const ui = probeUi(draft.type);
  return ui ? draftToSettings(ui.fields, draft.settings, base) : (base ?? {});
}

/** The create/update body; unset numbers are left out so the server's defaults apply. */
export function draftToBody(draft: MonitorDraft, base?: Monitor): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: draft.name,
    settings: draftSettings(draft, base?.settings),
    labels: textToLabels(draft.labels),
    interval: num(draft.interval),
    timeoutMs: num(draft.timeoutMs),
    retryInterval: num(draft.retryInterval),
    confirmDown: num(draft.confirmDown),
    confirmUp: num(draft.confirmUp),
  };
  if (!base) body.type = draft.type;
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
