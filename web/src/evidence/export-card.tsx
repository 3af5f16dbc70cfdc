import { useEffect, useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { useSave } from '../api/use-save.ts';
import { Button } from '../components/button.tsx';
import { CodeBlock } from '../components/code-block.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { useCan } from '../auth/session.tsx';
import { PeriodPicker, usePeriod } from '../compliance/period-picker.tsx';
import { periodDays } from '../compliance/period.ts';
import { postForFile, saveFile, type DownloadedFile } from './download.ts';

const kb = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Choose whole UTC days, build the signed pack on the server, and download it; then how to verify it. */
export function ExportCard({ onExported }: { onExported: () => void }) {
  const client = useClient();
  const canExport = useCan('admin');
  const [period, choice, setPeriod] = usePeriod();
  const [file, setFile] = useState<DownloadedFile | null>(null);
  const save = useSave();
  useEffect(() => () => (file ? URL.revokeObjectURL(file.url) : undefined), [file]);

  const exportPack = () =>
    save.run(async () => {
      const made = await postForFile(client, '/evidence/packs', period, `custos-evidence-${period.from}-${period.to}.tar`);
      setFile(made);
      saveFile(made);
      onExported();
    });

  return (
    <section className="card stack" aria-labelledby="export">
      <h2 id="export">Export a pack</h2>
      <p className="small muted flush">
        One signed archive for the whole UTC days chosen: the report (HTML and PDF), its data as CSV and JSON, the audit-chain segment with its checkpoints and keys, the committed result digests, the methodology, and a manifest with the SHA-256 of every file, signed with Ed25519.
      </p>
      {canExport ? (
        <>
          <PeriodPicker period={period} choice={choice} onChange={setPeriod} />
          <p className="flush">
            <strong>
              {period.from} – {period.to}
            </strong>{' '}
            <span className="muted">(UTC, both days included, {periodDays(period)} days)</span>
          </p>
          <div className="form-actions">
            <Button variant="primary" onClick={() => void exportPack()} busy={save.busy}>
              Export evidence pack
            </Button>
            {save.busy && <span className="small muted">Building and signing the pack…</span>}
          </div>
        </>
      ) : (
        <p className="small muted flush">Only admins export packs from the dashboard. The previous exports below are recorded in the audit chain with the SHA-256 of their manifest.</p>
      )}
      <ErrorBanner error={save.error} title="The pack could not be exported." />
      {file && (
        <div className="banner ok" role="status">
          <div>
            <strong>Pack ready.</strong>{' '}
            <a href={file.url} download={file.name}>
              {file.name}
            </a>{' '}
            ({kb(file.bytes)})
          </div>
        </div>
      )}
      <CodeBlock label="Verify it offline (signature, manifest, chain continuity, checkpoints)" text={`custos evidence verify ${file?.name ?? 'custos-evidence-….tar'}`} />
      <p className="small muted flush">
        It exits 1 naming the first problem. Compare the key id it prints with the signing keys on the Integrity page or a witness's copy.
      </p>
    </section>
  );
}
