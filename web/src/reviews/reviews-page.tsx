import { Link, useSearchParams } from 'wouter';
import { useCursorList } from '../api/use-cursor-list.ts';
import { DataTable } from '../components/data-table.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { SelectField } from '../components/field.tsx';
import { ListStates } from '../components/list-states.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import type { Review } from './types.ts';

function ReviewState({ review }: { review: Review }) {
  if (review.status === 'filed') return <span className="badge" data-state="up">Filed</span>;
  return (
    <span className="badge" data-state={review.overdue ? 'down' : 'degraded'}>
      {review.overdue ? 'Overdue' : 'Draft'}
    </span>
  );
}

/** Every post-incident review, drafts and overdue ones first to hand. */
export function ReviewsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useCursorList<Review>('/reviews', { status });
  return (
    <div className="page">
      <PageHeader title="Post-incident reviews" subtitle="Required for the severities the policy names, due a number of business days after the incident resolves." />
      <div className="filter-bar" role="search">
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
          options={[
            { value: '', label: 'All' },
            { value: 'draft', label: 'Drafts' },
            { value: 'overdue', label: 'Overdue' },
            { value: 'filed', label: 'Filed' },
          ]}
        />
      </div>
      <ListStates what="reviews" error={list.error} loaded={list.loaded} count={list.items.length} empty={<EmptyState title={status ? `No ${status} reviews` : 'No reviews yet'}>A review starts when an incident that needs one resolves, or from the incident's page.</EmptyState>} />
      {list.items.length > 0 && (
        <DataTable
          label="Reviews"
          columns={['Status', 'Incident', 'Due', { label: 'Open actions', num: true }]}
          footer={<LoadMore list={list} />}
        >
          {list.items.map((r) => (
            <tr key={r.id}>
              <td>
                <ReviewState review={r} />
              </td>
              <td className="alert-cell">
                <Link href={`/incidents/${r.incidentId}/review`} className="monitor-name">
                  {r.incidentTitle}
                </Link>
                <span className="small muted"> {r.severity}{r.required ? ' · required' : ''}</span>
              </td>
              <td className="nowrap">{r.status === 'filed' ? <span className="small muted">filed <Time value={r.filedAt} /></span> : <Time value={r.dueAt} absolute />}</td>
              <td className="num">{r.actionItems.filter((a) => a.status === 'open').length}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
