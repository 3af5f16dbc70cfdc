import { Time } from '../components/time.tsx';
import { Hash } from './hash.tsx';
import type { Checkpoint } from './types.ts';

/** The newest signed chain head. */
export function CheckpointCard({ checkpoint }: { checkpoint: Checkpoint | null }) {
  return (
    <section className="card" aria-labelledby="checkpoint">
      <h2 id="checkpoint">Latest checkpoint</h2>
      {checkpoint ? (
        <dl className="kv">
          <dt>Event</dt>
          <dd>#{checkpoint.seq}</dd>
          <dt>Chain hash</dt>
          <dd>
            <Hash value={checkpoint.hash} />
          </dd>
          <dt>Signed at</dt>
          <dd>
            <Time value={checkpoint.at} absolute />
          </dd>
          <dt>Key id</dt>
          <dd>
            <code>{checkpoint.keyId}</code>
          </dd>
          <dt>Signature</dt>
          <dd>
            <Hash value={checkpoint.signature} />
          </dd>
        </dl>
      ) : (
        <p className="muted">No checkpoint yet: the chain head is signed every hour.</p>
      )}
    </section>
  );
}
