import { useFetch } from '../api/use-fetch.ts';
import { CodeBlock } from '../components/code-block.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { Time } from '../components/time.tsx';
import type { SigningKeys } from './types.ts';

/** Every public key that signed checkpoints and packs; each vouches only for its own validity period. */
export function KeysCard() {
  const keys = useFetch<SigningKeys>('/audit/keys');
  return (
    <section className="card stack" aria-labelledby="keys">
      <h2 id="keys">Signing public keys</h2>
      <p className="small muted flush">Compare a pack's key id and public key with these, or with a witness's copy of a checkpoint. Old keys stay listed after a rotation.</p>
      {keys.error && <ErrorBanner error={keys.error} title="The signing keys could not be loaded." />}
      {!keys.data && !keys.error && <Loading label="Loading keys…" />}
      {keys.data?.data.length === 0 && <p className="muted">No key yet: one is made when the first checkpoint is signed.</p>}
      {keys.data?.data.map((k) => (
        <div key={k.keyId} className="signing-key">
          <div className="row">
            <code>{k.keyId}</code>
            {k.keyId === keys.data?.current && <span className="badge" data-state="up">signing now</span>}
            <span className="small muted">
              valid from <Time value={k.validFrom} absolute />
              {k.validTo && (
                <>
                  {' '}to <Time value={k.validTo} absolute />
                </>
              )}
            </span>
          </div>
          <details>
            <summary className="small">Public key (PEM)</summary>
            <CodeBlock label={`Ed25519 public key ${k.keyId}`} text={k.publicKey.trim()} />
          </details>
        </div>
      ))}
    </section>
  );
}
