import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { SubmitCancel } from '../components/submit-cancel.tsx';
import { useToast } from '../components/toasts.tsx';
import { StepEditor } from './step-editor.tsx';
import { describeDelay, useTargets } from './use-targets.ts';
import { useSave } from '../api/use-save.ts';
import type { EscalationPolicy, Step } from './types.ts';

const FIRST: Step = { delayMinutes: 0, targets: [{ type: 'schedule', id: '' }] };

/** Ordered steps with delays and targets, and how often the whole policy repeats until someone acknowledges. */
export function PolicyForm({ policy }: { policy?: EscalationPolicy }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const targets = useTargets();
  const save = useSave();
  const [name, setName] = useState(policy?.name ?? '');
  const [description, setDescription] = useState(policy?.description ?? '');
  const [steps, setSteps] = useState<Step[]>(policy?.steps ?? [FIRST]);
  const [repeat, setRepeat] = useState(policy?.repeat ?? 0);
  const [repeatAfter, setRepeatAfter] = useState<string>(policy ? String(policy.repeatAfterMinutes) : '');
  const lastDelay = steps.at(-1)?.delayMinutes ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = { name, description: description.trim() || null, steps, repeat, repeatAfterMinutes: repeat > 0 && repeatAfter ? Number(repeatAfter) : undefined };
      const saved = policy ? await client.patch<EscalationPolicy>(`/escalation-policies/${policy.id}`, body) : await client.post<EscalationPolicy>('/escalation-policies', body);
      toast.info(`Saved ${saved.name}`);
      navigate(policy ? `/escalation-policies/${saved.id}` : '/escalation-policies');
    });
  };
  const addStep = () => setSteps([...steps, { delayMinutes: lastDelay + 15, targets: [{ type: 'user', id: '' }] }]);
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {save.error !== null && !['name', 'description', 'steps', 'repeat', 'repeatAfterMinutes'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not saved." />}
      <fieldset>
        <legend>Policy</legend>
        <div className="form-grid">
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={save.errors('name')} placeholder="P0 platform" autoFocus={!policy} />
          <TextAreaField className="wide" label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={save.errors('description')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Steps</legend>
        <p className="small muted" style={{ marginTop: 0 }}>
          Each step pages its targets at its delay unless someone has acknowledged; delays must not decrease.
        </p>
        {save.errors('steps') && !steps.some((_, i) => save.errors(`steps.${i}`)) && <span className="error" role="alert">{save.errors('steps')}</span>}
        <ol className="plain-list step-list">
          {steps.map((step, i) => (
            <StepEditor
              key={i}
              index={i}
              step={step}
              targets={targets}
              errors={(p) => save.errors(`steps.${i}.${p}`)}
              onChange={(s) => setSteps(steps.map((x, n) => (n === i ? s : x)))}
              onRemove={steps.length > 1 ? () => setSteps(steps.filter((_, n) => n !== i)) : undefined}
            />
          ))}
        </ol>
        <Button size="sm" onClick={addStep}>
          Add step
        </Button>
      </fieldset>
      <fieldset>
        <legend>Repeat</legend>
        <div className="form-grid">
          <TextField label="Repeat the whole policy" type="number" min={0} max={9} value={repeat} onChange={(e) => setRepeat(Number(e.target.value))} error={save.errors('repeat')} hint={repeat === 0 ? 'Once through the steps, then stop.' : `${repeat + 1} passes in all, unless acknowledged.`} />
          {repeat > 0 && (
            <TextField label="Minutes between passes" type="number" min={1} value={repeatAfter} placeholder={String(lastDelay + 30)} onChange={(e) => setRepeatAfter(e.target.value)} error={save.errors('repeatAfterMinutes')} hint={`Default ${lastDelay + 30} (last delay + 30).`} />
          )}
        </div>
        <p className="small muted preview-box" style={{ marginBottom: 0 }}>
          {steps.map((s, i) => `${i + 1}: ${describeDelay(s.delayMinutes)} → ${s.targets.filter((t) => t.id).map(targets.nameOf).join(', ') || '…'}`).join(' · ')}
        </p>
      </fieldset>
      <SubmitCancel label={policy ? 'Save policy' : 'Create policy'} busy={save.busy} cancelHref="/escalation-policies" />
    </form>
  );
}
