import { useState } from 'react';

/** The first `step` items, and `step` more on each loadMore (a LoadMore button's list), so a report of thousands of monitors renders quickly. */
export function useCapped<T>(items: T[], step = 50) {
  const [limit, setLimit] = useState(step);
  return { shown: items.slice(0, limit), hasMore: items.length > limit, loadMore: () => setLimit((n) => n + step), loading: false, rest: Math.max(0, items.length - limit) };
}
