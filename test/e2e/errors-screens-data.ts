import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Scope } from '@sentry/node';
import { minifySync } from 'rolldown/utils';

/** The original module of a small checkout service; the test minifies it with a real source map. */
export const CHECKOUT_SOURCE = `function handleRequest(req) {
  try {
    return routeCheckout(req.body);
  } catch (err) {
    throw new Error('Checkout failed for basket ' + req.body.basket.id, { cause: err });
  }
}

function routeCheckout(body) {
  const basket = validateBasket(body.basket);
  return applyCoupons(basket, body.coupons);
}

function validateBasket(basket) {
  if (!basket || basket.items.length === 0) {
    throw new Error('Empty basket');
  }
  return basket;
}

function applyCoupons(basket, codes) {
  let total = basket.total;
  codes.forEach((code) => {
    total -= lookupCoupon(code).amount;
  });
  return total;
}

function lookupCoupon(code) {
  const coupon = COUPONS[code];
  if (!coupon) {
    throw new RangeError(\`Unknown coupon \${code}\`);
  }
  return coupon;
}

const COUPONS = { SPRING: { amount: 5 } };

module.exports = { handleRequest };
`;

export interface Bundle {
  run(req: unknown): unknown;
  /** The source map, base64, to upload as `~/static/app.min.cjs.map`. */
  map: string;
}

/** Minifies the module (names mangled, one line) into `dir/static/app.min.cjs` with its map, and loads it with Node's own require (untransformed). */
export function buildBundle(dir: string): Bundle {
  const out = minifySync('checkout.cjs', CHECKOUT_SOURCE, { sourcemap: true, compress: false, mangle: { toplevel: true } });
  if (!out.map) throw new Error('the minifier gave no source map');
  mkdirSync(join(dir, 'static'), { recursive: true });
  const file = join(dir, 'static', 'app.min.cjs');
  writeFileSync(file, `${out.code}\n//# sourceMappingURL=app.min.cjs.map\n`);
  const map = { ...out.map, file: 'app.min.cjs', sources: ['webpack://shop/src/checkout.js'] };
  const mod = createRequire(import.meta.url)(file) as { handleRequest(req: unknown): unknown };
  return { run: (req) => mod.handleRequest(req), map: Buffer.from(JSON.stringify(map)).toString('base64') };
}

/** What a checkout request leaves behind before it fails: navigation, queries, HTTP calls, logs. */
export function addCheckoutBreadcrumbs(scope: Scope, orderId: number): void {
  const crumbs = [
    { category: 'navigation', message: 'GET /basket', level: 'info' as const },
    { category: 'query', message: 'SELECT id, total FROM baskets WHERE id = $1', data: { rows: 1, durationMs: 3 } },
    { category: 'http', type: 'http', data: { method: 'GET', url: 'https://pricing.internal/v2/prices?sku=A-1021', status_code: 200 } },
    { category: 'console', level: 'warning' as const, message: `coupon cache miss for order ${orderId}` },
    { category: 'http', type: 'http', level: 'error' as const, data: { method: 'POST', url: 'https://payments.internal/v1/authorize', status_code: 402 } },
    { category: 'auth', message: 'token refreshed with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ' },
    { category: 'ui.click', message: 'button#pay-now' },
  ];
  for (const c of crumbs) scope.addBreadcrumb(c);
}

/** The request an HTTP integration would attach, including what scrubbing must remove. */
export const checkoutRequest = {
  url: 'https://shop.example.com/api/checkout?step=pay',
  method: 'POST',
  headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0', Cookie: 'session=9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'Content-Type': 'application/json' },
  data: { basket: 'b-2291', coupons: ['WINTER'] },
};
