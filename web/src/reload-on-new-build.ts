const KEY = 'custos:reloaded-for-new-build';

/**
 * After an upgrade the old build's hashed chunks are gone, so opening a screen not loaded yet fails.
 * Load the new build instead (at most once a minute, so a chunk that is really missing cannot loop).
 */
export function reloadOnNewBuild(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem(KEY, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
