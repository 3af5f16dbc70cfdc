import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar, utcStamp } from './serialize.ts';

describe('iCal serializer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC DATE-TIME values', () => {
    expect(utcStamp(Date.parse('2026-03-29T08:00:00.000Z'))).toBe('20260329T080000Z');
  });

  it('folds at 75 octets with a leading space, never inside a UTF-8 character', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines[1].startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded).not.toContain('\uFFFD');
  });

  it('renders a calendar with CRLF endings and one VEVENT per event', () => {
    const text = renderCalendar({
      name: 'Primary, EU',
      generatedAt: Date.parse('2026-03-01T00:00:00Z'),
      events: [{ uid: 'a@custos', start: Date.parse('2026-03-29T08:00:00Z'), end: Date.parse('2026-03-30T08:00:00Z'), summary: 'On call; Ann' }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('X-WR-CALNAME:Primary\\, EU');
    expect(lines).toContain('DTSTART:20260329T080000Z');
    expect(lines).toContain('DTEND:20260330T080000Z');
    expect(lines).toContain('DTSTAMP:20260301T000000Z');
    expect(lines).toContain('SUMMARY:On call\\; Ann');
  });
});
