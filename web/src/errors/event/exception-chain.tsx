import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import type { ExceptionValue, Frame } from './read-event.ts';
import { StackFrame } from './stack-frame.tsx';

/** Frames most recent call first; library frames between app frames fold into one line until asked for. */
export function Frames({ frames }: { frames: Frame[] }) {
  const [all, setAll] = useState(false);
  const recentFirst = frames.toReversed();
  const anyInApp = recentFirst.some((f) => f.inApp);
  const shown = all || !anyInApp ? recentFirst : recentFirst.filter((f) => f.inApp);
  const hidden = recentFirst.length - shown.length;
  const firstInApp = shown.findIndex((f) => f.inApp);
  return (
    <>
      <ol className="frames" aria-label="Stack frames, most recent call first">
        {shown.map((f, i) => (
          <StackFrame key={i} frame={f} open={i === (firstInApp === -1 ? 0 : firstInApp)} />
        ))}
      </ol>
      {anyInApp && (hidden > 0 || all) && (
        <Button size="sm" variant="ghost" onClick={() => setAll(!all)}>
          {all ? 'Show only app frames' : `Show ${hidden} library frame${hidden === 1 ? '' : 's'}`}
        </Button>
      )}
    </>
  );
}

/** The exception and its causes, outermost first, each with its stack. */
export function ExceptionChain({ exceptions }: { exceptions: ExceptionValue[] }) {
  return (
    <div className="stack exception-chain">
      {exceptions.map((ex, i) => (
        <section key={i} className="exception" aria-label={`${ex.type}${i > 0 ? ' (cause)' : ''}`}>
          {i > 0 && <p className="small muted caused-by">Caused by</p>}
          <h3 className="exception-title">
            <span className="mono">{ex.type}</span>
            {ex.mechanism?.handled === false && (
              <span className="badge plain" data-state="down">
                unhandled
              </span>
            )}
            {ex.mechanism?.type && <span className="tag" title={`mechanism: ${ex.mechanism.type}`}>{ex.mechanism.type}</span>}
          </h3>
          {ex.value && <p className="exception-value">{ex.value}</p>}
          {ex.frames.length > 0 ? <Frames frames={ex.frames} /> : <p className="muted small">No stack trace was sent.</p>}
        </section>
      ))}
    </div>
  );
}
