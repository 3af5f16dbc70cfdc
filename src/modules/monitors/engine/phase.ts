/** FNV-1a over the id: stable across processes and restarts, so a monitor keeps its slot. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Offset of the monitor's checks within its interval: it runs at phase + k·interval (epoch ms). */
export function phaseOf(id: string, intervalMs: number): number {
  return hashId(id) % intervalMs;
}

/** The first slot phase + k·interval at or after `t`. */
export function slotAtOrAfter(t: number, phase: number, intervalMs: number): number {
  return phase + Math.ceil((t - phase) / intervalMs) * intervalMs;
}

/** The first slot strictly after `t`. */
export function slotAfter(t: number, phase: number, intervalMs: number): number {
  return phase + (Math.floor((t - phase) / intervalMs) + 1) * intervalMs;
}

/** How many slots lie in [from, until). */
export function slotsBetween(from: number, until: number, phase: number, intervalMs: number): number {
  if (until <= from) return 0;
  const first = slotAtOrAfter(from, phase, intervalMs);
  return first >= until ? 0 : Math.floor((until - 1 - first) / intervalMs) + 1;
}
