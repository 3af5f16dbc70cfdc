import { useState } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { TextField } from '../components/field.tsx';
import { LabelList } from '../components/labels.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import type { RunbookSummary } from './types.ts';

const newLink = (text: string) => (
  <Link href="/runbooks/new" className="btn btn-primary">
    {text}
  </Link>
);

export function RunbooksPage() {
  const canWrite = useCan('write');
  const [search, setSearch] = useState('');
  const list = useCursorList<RunbookSummary>('/runbooks', { search: search.trim() });
  return (
    <div className="page">
      <PageHeader title="Runbooks" subtitle="What to do when something breaks, in markdown, versioned, and linked from incidents and notifications whose labels match." actions={canWrite && newLink('New runbook')} />
      <div className="filter-bar" role="search">
        <TextField label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="payments, db-failover" />
      </div>
      <ListStates
        what="runbooks"
        error={list.error}
        loaded={list.loaded}
        count={list.items.length}
        empty={
          <EmptyState title={search ? 'No runbook matches' : 'No runbooks yet'} actions={!search && canWrite && newLink('Write a runbook')}>
            {search ? 'Try part of the title or slug.' : 'Key each one by labels such as service=payments; incidents with those labels link to it.'}
          </EmptyState>
        }
      />
      {list.items.length > 0 && (
        <DataTable
          label="Runbooks"
          columns={['Runbook', 'Applies to', { label: 'Version', num: true }, 'Updated']}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/runbooks/${r.id}`} className="monitor-name">
                  {r.title}
                </Link>
                <div className="small muted">
                  <code>{r.slug}</code>
                </div>
              </td>
              <td>
                <LabelList labels={r.match} />
              </td>
              <td className="num">v{r.version}</td>
              <td className="nowrap">
                <Time value={r.updatedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
