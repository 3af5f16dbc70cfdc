import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask.ts';

describe('maskSecret', () => {
  it.each([
    ['https://hooks.example.com/T000/abcd', '••••••abcd'],
    ['12345678', '••••••5678'],
    ['1234567', '••••••'],
    ['', '••••••'],
    ['token-with-emoji-🔑🔑🔑🔑', '••••••🔑🔑🔑🔑'],
  ])('masks %j as %j', (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });

  it('does not reveal the length of the value', () => {
    expect(maskSecret('a'.repeat(8))).toHaveLength(maskSecret('a'.repeat(200)).length);
  });
});
