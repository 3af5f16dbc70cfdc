import { methodology as reportMethodology } from '../../reports/index.ts';

/** The report's methodology, then how the pack itself is made and how to check it. */
export const packMethodology = `${reportMethodology}

# Evidence pack

## Audit chain
Every change in Custos appends an event to the organization's audit chain in the same database
transaction. Each event carries the SHA-256 of the RFC 8785 canonical JSON of
\`{ v: 1, orgId, seq, at (epoch ms), actor, action, subject, data, prevHash }\`, where \`prevHash\`
is the previous event's hash. \`audit/events.jsonl\` holds every event recorded in the period, one
JSON object a line, in sequence order: recomputing each hash and following each \`prevHash\` proves
that no event of the segment was edited, removed, reordered or inserted.

## Signed checkpoints
Every hour Custos signs each organization's chain head with its Ed25519 key: the signature covers
the canonical JSON of \`{ v: 1, type: "custos.audit.checkpoint", orgId, seq, hash, at, keyId }\`.
\`audit/checkpoints.json\` lists the checkpoints of the period and \`audit/keys.json\` every public
key with the period it was current in. A checkpoint whose event is in the segment must name that
event's hash. Checkpoints may also have been published to witnesses (a directory, an HTTP endpoint,
an RFC 3161 timestamp authority) outside the operator's database: compare them with this pack.
\`audit/timestamps.json\` holds the RFC 3161 tokens received for the period's checkpoints: each
token's message imprint is the SHA-256 of the checkpoint's signed bytes, and its signature (checked
with the authority's certificate) dates the checkpoint independently of Custos.

## Check results
Once a day Custos appends an \`evidence.results_digest\` event to the chain: for every monitor,
the number of raw check results of the previous UTC day and the SHA-256 over their canonical JSON,
one per line, newest first. \`data/results-digests.json\` and \`.csv\` list the digests of the
period, so raw results kept elsewhere can be checked against them even after Custos expired them.

## Verifying this pack
\`manifest.json\` lists every other file with its size and SHA-256; \`manifest.sig\` is the
Ed25519 signature (base64) of \`manifest.json\` under \`public-key.pem\`, whose key id (the first 16
hex characters of the SHA-256 of the key's DER) the manifest names. Compare that key id with the
one Custos publishes (\`GET /api/v1/audit/keys\`) or a witness holds. \`custos evidence verify <file>\`
checks, offline: the signature, every hash in the manifest, missing and extra files, the chain's
continuity and hashes, every checkpoint's signature and hash, and that the archive is byte for byte
the canonical tar of its files (fixed headers), so a change to any byte is found and located.
`;
