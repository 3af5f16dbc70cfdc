import { describe, expect, it } from 'vitest';
import { parseLabelPairs, rankRunbooks, scoreMatch } from './match.ts';

describe('rankRunbooks', () => {
  const books: { slug: string; match: Record<string, string> }[] = [
    { slug: 'auth', match: { domain: 'auth' } },
    { slug: 'payments', match: { service: 'payments' } },
    { slug: 'payments-auth', match: { service: 'payments', domain: 'auth' } },
    { slug: 'checkout-probe', match: { monitor: 'm-1' } },
    { slug: 'billing', match: { service: 'billing' } },
  ];

  it('returns only runbooks whose every label is present, most specific first', () => {
    const ranked = rankRunbooks(books, { service: 'payments', domain: 'auth', monitor_id: 'm-1', monitor: 'Checkout' });
    expect(ranked.map((r) => r.slug)).toEqual(['checkout-probe', 'payments-auth', 'payments', 'auth']);
    expect(ranked[1].matchedOn).toEqual(['domain=auth', 'service=payments']);
  });

  it('matches a monitor key on the monitor name as well as its id', () => {
    expect(scoreMatch({ monitor: 'Checkout' }, { monitor: 'Checkout', monitor_id: 'm-9' })?.score).toBe(100);
    expect(scoreMatch({ monitor: 'm-9' }, { monitor: 'Checkout', monitor_id: 'm-9' })).not.toBeNull();
    expect(scoreMatch({ monitor: 'm-1' }, { monitor: 'Checkout', monitor_id: 'm-9' })).toBeNull();
  });

  it('breaks ties by slug', () => {
    expect(rankRunbooks([{ slug: 'b', match: { env: 'prod' } }, { slug: 'a', match: { team: 'core' } }], { env: 'prod', team: 'core' }).map((r) => r.slug)).toEqual(['a', 'b']);
  });
});

describe('parseLabelPairs', () => {
  it('reads comma-separated and repeated pairs and reports the bad ones', () => {
    expect(parseLabelPairs(['service=payments,domain=auth', 'url=https://x?a=b'])).toEqual({ labels: { service: 'payments', domain: 'auth', url: 'https://x?a=b' }, bad: [] });
    expect(parseLabelPairs(['service', '=x']).bad).toEqual(['service', '=x']);
  });
});
