import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../platform/crypto/index.ts';
import { maskedSettings, mergeSettings, openSettings, sealSettings } from './channel-settings.ts';
import { createDefaultChannelRegistry } from './channels/index.ts';

const box = new SecretBox({ current: randomBytes(32) });
const webhook = createDefaultChannelRegistry().get('webhook');
const settings = { url: 'https://hooks.example.com/t/0123456789', secret: 'whsec_abcdefghijklmnop', headers: { 'X-Api-Key': 'key-0000-1111' } };

describe('channel settings', () => {
  it('keeps secret fields only in the encrypted part and opens them again', () => {
    const sealed = sealSettings(webhook, settings, box);
    expect(sealed.settings).toBe('{}');
    expect(sealed.secrets).not.toContain('hooks.example.com');
    expect(openSettings(sealed, box)).toEqual(settings);
  });

  it('masks every secret, inside header maps too', () => {
    expect(maskedSettings(sealSettings(webhook, settings, box), box)).toEqual({ url: '••••••6789', secret: '••••••mnop', headers: { 'X-Api-Key': '••••••1111' } });
  });

  it('merges an update: masked values keep the stored secret, null removes, new values replace', () => {
    const merged = mergeSettings(webhook, settings, { url: '••••••6789', secret: null, headers: { 'X-Api-Key': '••••••1111', 'X-Team': 'core' } });
    expect(merged).toEqual({ url: settings.url, headers: { 'X-Api-Key': 'key-0000-1111', 'X-Team': 'core' } });
  });
});
