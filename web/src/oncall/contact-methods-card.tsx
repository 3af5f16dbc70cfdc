import { useState, type FormEvent } from 'react';
import { useClient } from '../api/client-context.tsx';
import type { Page } from '../api/types.ts';
import type { Fetched } from '../api/use-fetch.ts';
import { useChannels } from '../channels/use-channels.ts';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { useToast } from '../components/toasts.tsx';
import { useSave } from '../api/use-save.ts';
import { CONTACT_TYPES, type ContactMethod, type ContactType } from './types.ts';

export const CONTACT_LABEL: Record<ContactType, string> = { email: 'Email', sms: 'SMS', voice: 'Voice call', chat: 'Chat' };
const PLACEHOLDER: Record<ContactType, string> = { email: 'you@example.com', sms: '+447700900123', voice: '+447700900123', chat: '' };

export function describeMethod(m: ContactMethod, channelName: (id: string) => string): string {
  const where = m.type === 'chat' ? (m.channelId ? channelName(m.channelId) : 'chat') : (m.address ?? '');
  return `${CONTACT_LABEL[m.type]} · ${where}${m.label ? ` (${m.label})` : ''}`;
}

/** How Custos reaches you: email, SMS, voice (E.164 numbers) or a chat channel. */
export function ContactMethodsCard({ base, fetched }: { base: string; fetched: Fetched<Page<ContactMethod>> }) {
  const client = useClient();
  const toast = useToast();
  const { channels, nameOf } = useChannels();
  const save = useSave();
  const [type, setType] = useState<ContactType>('email');
  const [address, setAddress] = useState('');
  const [channelId, setChannelId] = useState('');
  const [label, setLabel] = useState('');
  const methods = fetched.data?.data ?? [];

  const add = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = { type, ...(type === 'chat' ? {} : { address }), ...(channelId ? { channelId } : {}), ...(label.trim() ? { label: label.trim() } : {}) };
      await client.post(`${base}/contact-methods`, body);
      setAddress('');
      setLabel('');
      toast.info(`${CONTACT_LABEL[type]} added`);
      fetched.reload();
    });
  };
  const remove = async (m: ContactMethod) => {
    try {
      await client.delete(`${base}/contact-methods/${m.id}`);
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const chatChannels = channels.filter((c) => c.type !== 'email' && !c.type.startsWith('twilio'));
  return (
    <section className="card stack" aria-labelledby="methods-title">
      <h2 id="methods-title">Contact methods</h2>
      {fetched.error && <ErrorBanner error={fetched.error} />}
      {fetched.data && methods.length === 0 && <p className="small muted" style={{ margin: 0 }}>None yet: add at least one, or pages to you fail.</p>}
      {methods.length > 0 && (
        <ul className="event-list">
          {methods.map((m) => (
            <li key={m.id} className="item-row">
              <span>{describeMethod(m, nameOf)}</span>
              <ConfirmButton size="sm" title="Remove this contact method?" message="Its notification rules go with it." confirmLabel="Remove" onConfirm={() => remove(m)}>
                Remove
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add} noValidate aria-label="Add a contact method">
        {save.error !== null && !['address', 'channelId', 'label', 'type'].some((f) => save.errors(f)) && <ErrorBanner error={save.error} title="Not added." />}
        <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as ContactType)} options={CONTACT_TYPES.map((t) => ({ value: t, label: CONTACT_LABEL[t] }))} />
        {type !== 'chat' && <TextField label={type === 'email' ? 'Email address' : 'Phone number'} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={PLACEHOLDER[type]} error={save.errors('address')} hint={type === 'email' ? undefined : 'E.164, with the country code.'} />}
        <SelectField
          label={type === 'chat' ? 'Channel' : 'Send through'}
          value={channelId}
          onChange={(e) => setChannelId(e.target.value)}
          error={save.errors('channelId')}
          options={[{ value: '', label: type === 'chat' ? 'Choose a channel…' : 'Default' }, ...(type === 'chat' ? chatChannels : channels).map((c) => ({ value: c.id, label: `${c.name} (${c.type})` }))]}
        />
        <TextField label="Label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} error={save.errors('label')} placeholder="work phone" />
        <Button type="submit" busy={save.busy}>
          Add method
        </Button>
      </form>
    </section>
  );
}
