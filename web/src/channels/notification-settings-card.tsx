import { useEffect, useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { fieldErrors } from '../api/field-errors.ts';
import type { Fetched } from '../api/use-fetch.ts';
import { useCan } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextAreaField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import type { Channel, NotificationSettings } from './types.ts';

/** The fallback channel (used when every channel of a dispatch fails) and extra redacted field names; admins edit. */
export function NotificationSettingsCard({ fetched, channels }: { fetched: Fetched<NotificationSettings>; channels: Channel[] }) {
  const client = useClient();
  const toast = useToast();
  const canAdmin = useCan('admin');
  const [fallback, setFallback] = useState('');
  const [redact, setRedact] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const settings = fetched.data;
  useEffect(() => {
    if (!settings) return;
    setFallback(settings.fallbackChannelId ?? '');
    setRedact(settings.redactFields.join('\n'));
  }, [settings]);
  const errors = fieldErrors(error);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await client.put<NotificationSettings>('/notification-settings', { fallbackChannelId: fallback || null, redactFields: redact.split('\n').map((l) => l.trim()).filter(Boolean) });
      fetched.setData(() => saved);
      toast.info('Notification settings saved');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="notification-settings">
      <h2 id="notification-settings">Notification settings</h2>
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {error !== null && !errors('fallbackChannelId') && !errors('redactFields') && <ErrorBanner error={error} title="Not saved." />}
      {settings && (
        <div className="settings-grid">
          <SelectField
            label="Fallback channel"
            value={fallback}
            disabled={!canAdmin}
            onChange={(e) => setFallback(e.target.value)}
            error={errors('fallbackChannelId')}
            options={[{ value: '', label: 'None' }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
            hint="Gets a notification that reached none of its channels, and a self-alert is raised."
          />
          <TextAreaField
            label="Also redact these fields"
            rows={2}
            value={redact}
            disabled={!canAdmin}
            onChange={(e) => setRedact(e.target.value)}
            error={errors('redactFields')}
            placeholder={'customer_name\naccount_number'}
            hint="One label or annotation name per line, on top of the built-in personal-data names."
          />
        </div>
      )}
      {settings && canAdmin && (
        <div className="form-actions">
          <Button onClick={() => void save()} busy={busy}>
            Save settings
          </Button>
        </div>
      )}
    </section>
  );
}
