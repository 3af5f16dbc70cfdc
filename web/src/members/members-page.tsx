import { Link } from 'wouter';
import { useState } from 'react';
import { useClient } from '../api/client-context.tsx';
import { ROLES, type Member, type Page, type Role } from '../api/types.ts';
import { useFetch } from '../api/use-fetch.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ListStates } from '../components/list-states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Time } from '../components/time.tsx';
import { useToast } from '../components/toasts.tsx';
import { AddMemberForm } from './add-member-form.tsx';

export function MembersPage() {
  const client = useClient();
  const toast = useToast();
  const { me } = useSession();
  const canAdmin = useCan('admin');
  const fetched = useFetch<Page<Member>>('/members');
  const [adding, setAdding] = useState(false);

  const changeRole = async (m: Member, role: Role) => {
    try {
      const updated = await client.patch<Member>(`/members/${m.userId}`, { role });
      fetched.setData((p) => p && { ...p, data: p.data.map((x) => (x.userId === m.userId ? updated : x)) });
      toast.info(`${m.email} is now ${role}`);
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
  const remove = async (m: Member) => {
    try {
      await client.delete(`/members/${m.userId}`);
      toast.info(`Removed ${m.email}`);
      fetched.reload();
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Members"
        subtitle={`People in ${me?.org.name ?? 'this organization'} and what their role lets them do.`}
        actions={canAdmin && !adding && <Button variant="primary" onClick={() => setAdding(true)}>Add member</Button>}
      />
      {adding && (
        <AddMemberForm
          onDone={(added) => {
            setAdding(false);
            if (added) {
              toast.info(`Added ${added.email}`);
              fetched.reload();
            }
          }}
        />
      )}
      <ListStates error={fetched.error} loaded={!!fetched.data} count={fetched.data?.data.length ?? 0} empty={null} />
      {fetched.data && (
        <DataTable
          columns={['Name', 'Email', 'Role', 'Member since', canAdmin && { label: 'Actions', hidden: true }]}
        >
          {fetched.data.data.map((m) => {
            const self = m.userId === me?.user?.id;
            return (
              <tr key={m.userId}>
                <td>
                  {m.name} {self && <span className="muted small">(you)</span>}
                </td>
                <td>{m.email}</td>
                <td>
                  {canAdmin && !self ? (
                    <select className="input" style={{ width: 'auto' }} aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => void changeRole(m, e.target.value as Role)}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td className="nowrap">
                  <Time value={m.createdAt} />
                </td>
                {canAdmin && (
                  <td>
                    <div className="row" style={{ flexWrap: 'nowrap' }}>
                      <Link href={self ? '/me/paging' : `/members/${m.userId}/paging`} className="btn btn-sm" aria-label={`How ${m.email} is paged`}>
                        Paging
                      </Link>
                      {!self && (
                        <ConfirmButton size="sm" title="Remove this member?" confirmLabel="Remove" onConfirm={() => remove(m)} message={<p>{m.email} loses access to this organization at once.</p>}>
                          Remove
                        </ConfirmButton>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
