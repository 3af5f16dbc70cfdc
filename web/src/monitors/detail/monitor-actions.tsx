import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useClient } from '../../api/client-context.tsx';
import type { CheckResult, Monitor } from '../../api/types.ts';
import { useCan } from '../../auth/session.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { useToast } from '../../components/toasts.tsx';

interface Props {
  monitor: Monitor;
  onChange: (m: Monitor) => void;
  onChecked: (result: CheckResult | Error) => void;
}

/** Edit, pause/resume, delete (write) and check now (respond); hidden from roles that cannot. */
export function MonitorActions({ monitor, onChange, onChecked }: Props) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const canWrite = useCan('write');
  const canRespond = useCan('respond');
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const togglePause = () =>
    run('pause', async () => {
      const updated = await client.post<Monitor>(`/monitors/${monitor.id}/${monitor.paused ? 'resume' : 'pause'}`);
      onChange(updated);
      toast.info(updated.paused ? 'Monitor paused' : 'Monitor resumed');
    });
  const checkNow = () =>
    run('check', async () => {
      try {
        onChecked(await client.post<CheckResult>('/monitors/test', { type: monitor.type, settings: monitor.settings, timeoutMs: monitor.timeoutMs }));
      } catch (err) {
        onChecked(err as Error);
      }
    });
  const remove = async () => {
    try {
      await client.delete(`/monitors/${monitor.id}`);
      toast.info(`Deleted ${monitor.name}`);
      navigate('/monitors');
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  if (!canWrite && !canRespond) return null;
  return (
    <>
      {canRespond && monitor.type !== 'heartbeat' && (
        <Button onClick={() => void checkNow()} busy={busy === 'check'}>
          Check now
        </Button>
      )}
      {canWrite && (
        <>
          <Link href={`/monitors/${monitor.id}/edit`} className="btn">
            Edit
          </Link>
          <Button onClick={() => void togglePause()} busy={busy === 'pause'}>
            {monitor.paused ? 'Resume' : 'Pause'}
          </Button>
          <ConfirmButton title="Delete this monitor?" confirmLabel="Delete monitor" onConfirm={remove} message={<p>{monitor.name} and its schedule are removed. Recorded history stays in the audit log.</p>}>
            Delete
          </ConfirmButton>
        </>
      )}
    </>
  );
}
