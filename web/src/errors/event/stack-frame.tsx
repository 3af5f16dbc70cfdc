import { useState } from 'react';
import { flat, type Frame } from './read-event.ts';
import { KeyValues } from '../../alerts/key-values.tsx';

const where = (f: Frame) => f.filename ?? f.absPath ?? f.module ?? '<unknown>';
const position = (line?: number, col?: number) => (line === undefined ? '' : `:${line}${col === undefined ? '' : `:${col}`}`);

function SourceLines({ frame }: { frame: Frame }) {
  if (frame.contextLine === undefined || frame.lineno === undefined) return null;
  const first = frame.lineno - frame.preContext.length;
  const lines = [...frame.preContext, frame.contextLine, ...frame.postContext];
  return (
    <div className="source-scroll">
      <ol className="source-lines" start={first} aria-label={`Source around line ${frame.lineno}`}>
        {lines.map((text, i) => (
          <li key={first + i} value={first + i} data-current={first + i === frame.lineno || undefined}>
            <code>{text || ' '}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One stack frame: where it is (original position when source-mapped), its source lines, its variables. */
export function StackFrame({ frame, open: initiallyOpen }: { frame: Frame; open: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const hasBody = frame.contextLine !== undefined || frame.vars !== undefined || frame.minified !== undefined;
  return (
    <li className="frame" data-in-app={frame.inApp || undefined}>
      <button type="button" className="frame-head" aria-expanded={hasBody ? open : undefined} onClick={() => hasBody && setOpen(!open)} disabled={!hasBody}>
        <span className="frame-file mono" title={frame.absPath ?? frame.filename}>
          {where(frame)}
          <span className="muted">{position(frame.lineno, frame.colno)}</span>
        </span>
        {frame.function && frame.function !== '?' && (
          <span className="frame-fn small">
            in <code>{frame.function}</code>
          </span>
        )}
        <span className="frame-flags">
          {frame.minified && (
            <span className="tag" title={`minified: ${frame.minified.absPath ?? ''}${position(frame.minified.lineno, frame.minified.colno)}`}>
              source-mapped
            </span>
          )}
          {frame.inApp && <span className="tag in-app">in app</span>}
        </span>
      </button>
      {open && hasBody && (
        <div className="frame-body">
          <SourceLines frame={frame} />
          {frame.minified && (
            <p className="small muted frame-minified">
              Minified: <code>{frame.minified.absPath}{position(frame.minified.lineno, frame.minified.colno)}</code>
              {frame.minified.function && <> in <code>{frame.minified.function}</code></>}
            </p>
          )}
          {frame.vars && (
            <details>
              <summary className="small">Local variables</summary>
              <KeyValues values={flat(frame.vars)} empty="None." />
            </details>
          )}
        </div>
      )}
    </li>
  );
}
