import { useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ExportCard } from './export-card.tsx';
import { MonthlyExportCard } from './monthly-export-card.tsx';
import { PreviousExports } from './previous-exports.tsx';

/** Signed evidence packs: export one, see earlier ones, schedule the monthly one. */
export function EvidenceExportPage() {
  const [exported, setExported] = useState(0);
  const slug = useSession().me?.org.slug ?? 'org';
  return (
    <div className="page">
      <PageHeader title="Evidence export" subtitle="A signed pack an auditor verifies offline, without trusting this server." />
      <ExportCard onExported={() => setExported((n) => n + 1)} />
      <MonthlyExportCard orgSlug={slug} />
      <PreviousExports refreshKey={exported} />
    </div>
  );
}
