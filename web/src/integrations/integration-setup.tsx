import { CodeBlock } from '../components/code-block.tsx';
import { integrationKind } from './kinds/registry.ts';
import type { CreatedIntegration, Integration } from './types.ts';

/** Ready snippets for the sender: with the real URL and token right after create or rotate, else with placeholders. */
export function IntegrationSetup({ integration, created }: { integration: Integration; created?: CreatedIntegration | null }) {
  const kind = integrationKind(integration.type);
  const origin = created ? new URL(created.url).origin : window.location.origin;
  const ctx = created
    ? { url: created.url, token: created.token, origin, settings: integration.settings, revealed: true }
    : { url: `${origin}/hooks/<hook token>`, token: '<hook token>', origin, settings: integration.settings, revealed: false };
  return (
    <section className="card stack" aria-labelledby="setup">
      <h2 id="setup">Set up the sender</h2>
      {!created && (
        <p className="muted small" style={{ margin: 0 }}>
          The hook token (it starts with <code>{integration.tokenPrefix}</code>) was shown when the integration was created. Lost it? Rotate the token to get a new URL.
        </p>
      )}
      {kind ? kind.snippets(ctx).map((s) => <CodeBlock key={s.label} label={s.label} text={s.text} />) : <CodeBlock label="Post deliveries to" text={ctx.url} />}
    </section>
  );
}
