import { Link, useLocation } from 'wouter';
import { useLiveStatus } from '../api/live.tsx';
import { useSession } from '../auth/session.tsx';
import { NAV_ITEMS } from './nav.ts';
import { OrgSwitcher } from './org-switcher.tsx';

const LIVE_LABEL = { live: 'Live updates on', connecting: 'Connecting…', offline: 'Live updates off' };

export function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const { me, can, logout } = useSession();
  const [location] = useLocation();
  const live = useLiveStatus();
  return (
    <nav className="sidebar" aria-label="Main">
      <Link href="/monitors" className="brand" onClick={onNavigate}>
        <img src="/favicon.svg" alt="" width="26" height="26" />
        Custos
      </Link>
      <OrgSwitcher />
      <div className="nav">
        {NAV_ITEMS.filter((item) => can(item.permission)).map((item) => (
          <Link key={item.path} href={item.path} onClick={onNavigate} aria-current={location === item.path || location.startsWith(`${item.path}/`) ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </div>
      <div className="sidebar-footer">
        <span className="live-dot" data-status={live}>
          {LIVE_LABEL[live]}
        </span>
        <span className="who">
          {me?.user?.email ?? me?.token?.name} · {me?.role}
        </span>
        <button type="button" className="btn btn-sm" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </nav>
  );
}
