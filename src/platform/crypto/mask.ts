const MASK = '••••••';
const SHOWN = 4;
const SHORTEST_SHOWN = 8;

/** For API answers after creation: only the last 4 characters survive, and never of a short value. */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  if (chars.length < SHORTEST_SHOWN) return MASK;
  return MASK + chars.slice(-SHOWN).join('');
}
