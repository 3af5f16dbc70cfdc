import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Heartbeat } from './types.ts';

/** Edit, pause/resume and delete go through the monitors API (a heartbeat is a monitor); writers only. */
export function HeartbeatActions({ heartbeat, onChange }: { heartbeat: Heartbeat; onChange: () => void }) {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const canWrite = useCan('write');
  const [busy, setBusy] = useState(false);
  if (!canWrite) return null;
  const paused = heartbeat.state === 'paused';
  const togglePause = async () => {
    setBusy(true);
    try {
      await client.post(`/monitors/${heartbeat.monitorId}/${paused ? 'resume' : 'pause'}`);
      toast.info(paused ? 'Heartbeat resumed' : 'Heartbeat paused');
      onChange();
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    try {
      await client.delete(`/monitors/${heartbeat.monitorId}`);
      toast.info(`Deleted ${heartbeat.name}`);
      navigate('/heartbeats');
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  return (
    <>
      <Link href={`/heartbeats/${heartbeat.monitorId}/edit`} className="btn">
        Edit
      </Link>
      <Button onClick={() => void togglePause()} busy={busy}>
        {paused ? 'Resume' : 'Pause'}
      </Button>
      <ConfirmButton title="Delete this heartbeat?" confirmLabel="Delete heartbeat" onConfirm={remove} message={<p>Its ping URLs stop working at once (pings answer 404). Recorded history stays in the audit log.</p>}>
        Delete
      </ConfirmButton>
    </>
  );
}
