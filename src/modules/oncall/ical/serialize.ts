/** A minimal RFC 5545 writer for published on-call calendars: VEVENTs with UTC times. */
export interface CalendarEvent {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description?: string;
  url?: string;
}

export interface Calendar {
  name: string;
  /** DTSTAMP of every event: when the feed was generated. */
  generatedAt: number;
  events: CalendarEvent[];
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** `20260329T080000Z` (DATE-TIME in UTC, §3.3.5 form 2). */
export function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines start with one space, which
 * counts towards their 75, and a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let at = 0;
  let limit = 75;
  while (at < bytes.length) {
    let end = Math.min(at + limit, bytes.length);
    // 10xxxxxx is a continuation byte: back off to the start of its character.
    while (end < bytes.length && end > at && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(at, end).toString('utf8'));
    at = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

function eventLines(e: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** The whole VCALENDAR, CRLF line endings, every line folded. */
export function renderCalendar(calendar: Calendar): string {
  const stamp = utcStamp(calendar.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Custos//On-call schedules//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
