import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../platform/errors.ts';
import { parseRunbookDocument } from './runbook-document.ts';

describe('parseRunbookDocument', () => {
  it('reads the front matter and keeps the body as written', () => {
    const doc = parseRunbookDocument('---\nslug: payments-down\ntitle: Payments down\nmatch:\n  service: payments\nnote: first cut\n---\n# Steps\n\n1. Look\n');
    expect(doc).toEqual({ slug: 'payments-down', title: 'Payments down', match: { service: 'payments' }, note: 'first cut', body: '# Steps\n\n1. Look\n' });
  });

  it('takes the slug from the file name and the title from the first heading', () => {
    expect(parseRunbookDocument('---\nmatch: { domain: auth }\n---\nIntro\n# Auth is failing\n', { slug: 'auth' })).toMatchObject({ slug: 'auth', title: 'Auth is failing', match: { domain: 'auth' } });
  });

  it('names every bad field at once', () => {
    const err = (() => {
      try {
        parseRunbookDocument('no front matter here');
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err?.code).toBe('VALIDATION_FAILED');
    expect(err?.issues.map((i) => i.path).toSorted()).toEqual(['match', 'slug', 'title']);
    expect(() => parseRunbookDocument('---\n- a list\n---\nx', { slug: 'x' })).toThrow(/frontMatter/);
  });
});
