import { CodeBlock } from '../components/code-block.tsx';
import { crontabLine, curlExample, wrapperScript } from './snippets.ts';
import type { Heartbeat } from './types.ts';

/** Ready-to-paste ways to ping: a crontab line, a one-off curl, and a wrapper that reports runs. */
export function UsageCard({ heartbeat }: { heartbeat: Heartbeat }) {
  return (
    <section className="card stack" aria-labelledby="usage">
      <h2 id="usage">Add it to your job</h2>
      <CodeBlock label="Crontab line: ping after the job succeeds" text={crontabLine(heartbeat)} />
      <CodeBlock label="From a script or a CI step" text={curlExample(heartbeat.pingUrl)} />
      <CodeBlock label="Wrapper: report the start, the exit status and the output (gives run durations and logs)" text={wrapperScript(heartbeat)} />
    </section>
  );
}
