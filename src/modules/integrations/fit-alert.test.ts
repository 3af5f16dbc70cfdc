import { describe, expect, it } from 'vitest';
import { RaiseAlertInput } from '../alerts/index.ts';
import { fitAnnotations, fitLabels } from './fit-alert.ts';

describe('fitLabels', () => {
  it("lets the integration's labels win over the sender's", () => {
    expect(fitLabels({ team: 'dba', env: 'prod' }, { team: 'storage', instance: 'db-1' })).toEqual({ team: 'dba', env: 'prod', instance: 'db-1' });
  });

  it('makes names valid and cuts values and counts to what an alert takes', () => {
    const sender = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`l${i}`, 'v']));
    const labels = fitLabels({}, { 'data centre': 'lon-1', '9lives': 'x'.repeat(2000), 'ümlaut': 'u', ...sender });
    expect(labels).toMatchObject({ data_centre: 'lon-1', _9lives: expect.stringMatching(/^x{1023}…$/), _mlaut: 'u' });
    expect(Object.keys(labels)).toHaveLength(64);
    expect(RaiseAlertInput.safeParse({ dedupKey: 'k', labels }).success).toBe(true);
  });
});

describe('fitAnnotations', () => {
  it('keeps at most 32 annotations of at most 10,000 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, 'y'.repeat(20_000)]));
    const annotations = fitAnnotations({ '': 'dropped', ['k'.repeat(300)]: 'long key', ...many });
    expect(Object.keys(annotations)).toHaveLength(32);
    expect(RaiseAlertInput.safeParse({ dedupKey: 'k', annotations }).success).toBe(true);
  });
});
