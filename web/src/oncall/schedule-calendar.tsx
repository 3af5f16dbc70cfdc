import type { CSSProperties } from 'react';
import { usePersonColor } from './person-colors.tsx';
import { clipToDay, piecesOf, type Piece } from './calendar-pieces.ts';
import { formatInZone, startOfZonedDay, zonedToInstant, zonedParts } from './zone.ts';
import type { Shift } from './types.ts';

export interface CalendarProps {
  shifts: Shift[];
  /** Local midnight of the first day. */
  from: number;
  days: number;
  timeZone: string;
  now: number;
  describeSource: (shift: Shift) => string;
  /** Clicking a piece (a shift or a gap) proposes an override over it; absent, pieces are not clickable. */
  onPick?: (piece: Piece) => void;
}

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];
const headTick = (h: number) => (h / 24) * 100;

function label(piece: Piece, timeZone: string, describeSource: CalendarProps['describeSource']) {
  const when = `${formatInZone(piece.start, timeZone, 'dayTime')} – ${formatInZone(piece.end, timeZone, 'dayTime')}`;
  return piece.shift ? `${piece.shift.userName}, ${when} (${describeSource(piece.shift)})` : `Nobody on call, ${when}`;
}

function DayRow({ dayStart, dayEnd, pieces, props }: { dayStart: number; dayEnd: number; pieces: Piece[]; props: CalendarProps }) {
  const { timeZone, now, onPick, describeSource } = props;
  const colorOf = usePersonColor();
  const day = zonedParts(dayStart, timeZone);
  const today = now >= dayStart && now < dayEnd;
  const tick = (h: number) => ((zonedToInstant(day.year, day.month, day.day, h, 0, timeZone) - dayStart) / (dayEnd - dayStart)) * 100;
  return (
    <li className="cal-day" data-today={today || undefined} data-weekend={day.weekday >= 5 || undefined}>
      <span className="cal-date">{formatInZone(dayStart, timeZone, 'day')}</span>
      <div className="cal-track">
        {HOURS.slice(1).map((h) => (
          <span key={h} className="cal-grid" style={{ left: `${tick(h)}%` }} aria-hidden="true" />
        ))}
        {clipToDay(pieces, dayStart, dayEnd).map(({ piece, left, width }) => {
          const text = label(piece, timeZone, describeSource);
          const style = { left: `${left}%`, width: `${width}%`, ...(piece.shift ? { '--person': colorOf(piece.shift.userId) } : {}) } as CSSProperties;
          const kind = piece.shift ? piece.shift.source.type : 'gap';
          const content = width > 6 ? <span>{piece.shift ? piece.shift.userName : 'nobody'}</span> : null;
          return onPick ? (
            <button key={piece.start} type="button" className="cal-piece" data-kind={kind} style={style} title={text} aria-label={`${text}. Override…`} onClick={() => onPick(piece)}>
              {content}
            </button>
          ) : (
            <span key={piece.start} className="cal-piece" data-kind={kind} style={style} title={text} role="img" aria-label={text}>
              {content}
            </span>
          );
        })}
        {today && <span className="cal-now" style={{ left: `${((now - dayStart) / (dayEnd - dayStart)) * 100}%` }} title={`Now, ${formatInZone(now, timeZone, 'time')}`} aria-label="now" />}
      </div>
    </li>
  );
}

/** Days as rows, hours across, each shift a bar in its person's colour; overrides hatched, gaps red. */
export function ScheduleCalendar(props: CalendarProps) {
  const { from, days, timeZone, shifts } = props;
  const edges = Array.from({ length: days + 1 }, (_, i) => startOfZonedDay(from, timeZone, i));
  const pieces = piecesOf(shifts, edges[0]!, edges[days]!);
  const first = zonedParts(from, timeZone);
  return (
    <div className="calendar">
      <div className="cal-head" aria-hidden="true">
        <span />
        <div className="cal-hours">
          {HOURS.map((h) => (
            <span key={h} style={{ left: `${headTick(h)}%` }}>
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      <ol className="cal-days" aria-label={`Shifts from ${first.day}/${first.month}/${first.year}, ${days} days, times in ${timeZone}`}>
        {edges.slice(0, days).map((dayStart, i) => (
          <DayRow key={dayStart} dayStart={dayStart} dayEnd={edges[i + 1]!} pieces={pieces} props={props} />
        ))}
      </ol>
    </div>
  );
}
