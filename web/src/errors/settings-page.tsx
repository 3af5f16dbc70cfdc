import { useFetch } from '../api/use-fetch.ts';
import { ProjectFrame, useProject } from './project-frame.tsx';
import { SdkSetup } from './sdk-setup.tsx';
import { IngestCard } from './settings/ingest-card.tsx';
import { KeysCard } from './settings/keys-card.tsx';
import { ProjectForm } from './settings/project-form.tsx';
import { RulesCard } from './settings/rules-card.tsx';
import type { OutcomesReport } from './types.ts';

export function ProjectSettingsPage({ id }: { id: string }) {
  const project = useProject(id);
  const outcomes = useFetch<OutcomesReport>(`/projects/${id}/outcomes`);
  return (
    <ProjectFrame id={id} tab="settings" project={project}>
      {(p) => (
        <>
          <SdkSetup project={p} />
          <KeysCard projectId={p.id} outcomes={outcomes.data} onChange={project.reload} />
          <div className="grid-2">
            <ProjectForm key={p.updatedAt} project={p} onSaved={(saved) => project.setData(() => saved)} />
            <IngestCard projectId={p.id} outcomes={outcomes} />
          </div>
          <RulesCard projectId={p.id} />
        </>
      )}
    </ProjectFrame>
  );
}
