import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { parseEnvelope, serializeEnvelope } from './envelope.ts';

const parse = (text: string | Buffer) => parseEnvelope(Buffer.isBuffer(text) ? text : Buffer.from(text));
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return 'no error';
};

describe('parseEnvelope', () => {
  it('reads items with and without length, and a final item without a newline', () => {
    const env = parse('{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n{"type":"attachment","length":10}\nhello\nwor\n\n{"type":"event"}\n{"message":"hi"}\n{"type":"session"}\n{"started":"x"}');
    expect(env.header.event_id).toBe('9ec79c33ec9942ab8353589fcb2e04dc');
    expect(env.items.map((i) => [i.type, i.payload.toString()])).toEqual([
      ['attachment', 'hello\nwor\n'],
      ['event', '{"message":"hi"}'],
      ['session', '{"started":"x"}'],
    ]);
  });

  it('counts length in bytes, not characters', () => {
    const payload = '{"message":"héllo ☃"}';
    const env = parse(`{}\n{"type":"event","length":${Buffer.byteLength(payload)}}\n${payload}\n`);
    expect(JSON.parse(env.items[0].payload.toString()).message).toBe('héllo ☃');
  });

  it('accepts a header-only envelope, empty payloads and blank lines between items', () => {
    expect(parse('{}').items).toEqual([]);
    expect(parse('{}\n').items).toEqual([]);
    const env = parse('{}\n{"type":"event","length":0}\n\n\n{"type":"user_report"}\n');
    expect(env.items.map((i) => [i.type, i.payload.length])).toEqual([
      ['event', 0],
      ['user_report', 0],
    ]);
  });

  it('rejects malformed envelopes with ENVELOPE_INVALID', () => {
    for (const bad of ['', '\n{"type":"event"}', 'not json\n', '[1,2]\n', '{}\nnot json\n{}', '{}\n{"length":2}\nab', '{}\n{"type":"event","length":50}\nshort', '{}\n{"type":"event","length":-1}\n', '{}\n{"type":"event","length":"2"}\nab', '{}\n{"type":"event","length":2}\nabc\n', '{}\n{"type":""}\n']) {
      expect(code(() => parse(bad)), JSON.stringify(bad)).toBe('ENVELOPE_INVALID');
    }
  });

  it('round-trips what it serializes', () => {
    const text = serializeEnvelope({ event_id: 'abc' }, [{ header: { type: 'event', custos_user: 'u_1' }, payload: JSON.stringify({ message: 'line\nbreak' }) }]);
    const env = parse(text);
    expect(env.items[0].header.custos_user).toBe('u_1');
    expect(JSON.parse(env.items[0].payload.toString()).message).toBe('line\nbreak');
  });
});
