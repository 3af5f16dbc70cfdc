import { useState, type ReactNode } from 'react';
import { Sidebar } from './sidebar.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const [menu, setMenu] = useState(false);
  return (
    <div className="shell" data-menu={menu ? 'open' : 'closed'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          Custos
        </span>
        <button type="button" className="btn btn-sm" aria-expanded={menu} aria-controls="sidebar" onClick={() => setMenu((m) => !m)}>
          {menu ? 'Close' : 'Menu'}
        </button>
      </header>
      <div id="sidebar" style={{ display: 'contents' }}>
        <Sidebar onNavigate={() => setMenu(false)} />
      </div>
      <main className="main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
