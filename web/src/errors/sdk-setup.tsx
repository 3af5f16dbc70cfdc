import { useState } from 'react';
import { CodeBlock } from '../components/code-block.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { Segmented } from '../components/segmented.tsx';
import { browserSnippet, nodeSnippet } from './snippets.ts';
import type { Project } from './types.ts';

type Sdk = 'node' | 'browser';

/** The project's DSN and how to point an SDK at it. */
export function SdkSetup({ project, title = 'Send events to this project' }: { project: Project; title?: string }) {
  const [sdk, setSdk] = useState<Sdk>(project.platform === 'javascript' ? 'browser' : 'node');
  return (
    <section className="card stack" aria-labelledby="sdk-setup">
      <h2 id="sdk-setup">{title}</h2>
      {project.dsn ? (
        <>
          <CopyField label="DSN" value={project.dsn} hint="Any official Sentry SDK accepts it. The key in it is public: it can only send events." />
          <Segmented<Sdk>
            label="SDK"
            value={sdk}
            onChange={setSdk}
            options={[
              { value: 'node', label: 'Node.js (@sentry/node)' },
              { value: 'browser', label: 'Browser (@sentry/browser)' },
            ]}
          />
          <CodeBlock label={sdk === 'node' ? 'Node.js setup' : 'Browser setup'} text={sdk === 'node' ? nodeSnippet(project.dsn) : browserSnippet(project.dsn)} />
          <p className="small muted" style={{ margin: 0 }}>
            Errors the SDK captures appear as issues within seconds. Give every deploy a <code>release</code> so regressions and source maps line up.
          </p>
        </>
      ) : (
        <p className="muted">This project has no active DSN key: create one under Settings to send events.</p>
      )}
    </section>
  );
}
