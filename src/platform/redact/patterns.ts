/**
 * A named detector: every match of `pattern` (global) that passes `accept` is replaced.
 * `replace` builds the replacement from the match (defaults to `placeholder`), for
 * detectors that keep a harmless prefix such as `Bearer ` or `api_key=`.
 */
export interface Detector {
  name: string;
  placeholder: string;
  pattern: RegExp;
  /** A cheap test that must pass before the pattern runs at all. */
  mayMatch?: (text: string) => boolean;
  accept?: (match: string) => boolean;
  replace?: (match: string, ...groups: string[]) => string;
}

/** Luhn (mod 10) checksum over the digits of `text`; other characters are ignored. */
export function passesLuhn(text: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) continue;
    let digit = code;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

const hasDigit = (text: string) => /\d/.test(text);

// Lookbehinds anchor each pattern at a token start, so a long run of letters or digits
// is scanned once instead of once per start position.
export const jwt: Detector = {
  name: 'jwt',
  placeholder: '[jwt]',
  pattern: /(?<![\w-])eyJ[\w-]{5,}\.[\w-]*\.[\w-]*(?:\.[\w-]+\.[\w-]+)?/g,
  mayMatch: (text) => text.includes('eyJ'),
};

// An auth scheme followed by a credential; a following word without digits is prose ("Bearer authentication").
export const bearer: Detector = {
  name: 'bearer',
  placeholder: '[token]',
  pattern: /(?<![\w-])(Bearer|Basic)\s+([\w~+/.-]{8,}=*)/gi,
  mayMatch: (text) => /bearer|basic/i.test(text),
  accept: (match) => {
    const credential = match.slice(match.search(/\s/)).trim();
    return hasDigit(credential) || credential.length >= 24;
  },
  replace: (_match, scheme) => `${scheme} [token]`,
};

const API_KEY_SHAPES = [
  String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}`,
  String.raw`sk-[\w-]{20,}`,
  String.raw`gh[pousr]_[A-Za-z0-9]{20,}`,
  String.raw`github_pat_\w{20,}`,
  String.raw`xox[abpr]-[A-Za-z0-9-]{10,}`,
  String.raw`(?:AKIA|ASIA)[0-9A-Z]{16}`,
  String.raw`glpat-[\w-]{20,}`,
  String.raw`cst_[\w-]{43}`,
];

export const apiKey: Detector = {
  name: 'api-key',
  placeholder: '[api-key]',
  pattern: new RegExp(String.raw`(?<![\w-])(?:${API_KEY_SHAPES.join('|')})(?![\w-])`, 'g'),
};

// `?api_key=…`, `&token=…`, `access_token=…` in URLs and log lines: the name stays, the value goes.
export const credentialParameter: Detector = {
  name: 'api-key',
  placeholder: '[api-key]',
  pattern: /(?<![A-Za-z0-9])(api[_-]?key|token|secret|password|passwd)=(?!\[)([^\s&#"'<>;,]+)/gi,
  mayMatch: (text) => text.includes('='),
  replace: (_match, name) => `${name}=[api-key]`,
};

export const email: Detector = {
  name: 'email',
  placeholder: '[email]',
  pattern: /(?<![\w.%+-])[\w.%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
  mayMatch: (text) => text.includes('@') || text.includes('%40'),
  // Retina asset names (`logo@2x.png`) have the shape of an address.
  accept: (match) => !/(?:@|%40)\d+x\./.test(match),
};

// HMRC: first letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never issued; suffix A-D.
export const nino: Detector = {
  name: 'nino',
  placeholder: '[nino]',
  pattern: /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g,
  mayMatch: hasDigit,
};

export const longHex: Detector = {
  name: 'hex',
  placeholder: '[hex]',
  pattern: /(?<![A-Za-z0-9])(?:0x)?[0-9a-fA-F]{32,}(?![A-Za-z0-9])/g,
  mayMatch: hasDigit,
};

// Issuer ranges start 22-27 (Mastercard), 3 (Amex, JCB, Diners), 4 (Visa), 5 or 6; this keeps
// millisecond timestamps (1…) and compact dates (20260115…) out.
const CARD_ISSUER = /^(?:[3-6]|2[2-7])/;

export const card: Detector = {
  name: 'card',
  placeholder: '[card]',
  pattern: /(?<![\w.])[2-6](?:[ -]?\d){12,18}(?!\w)/g,
  mayMatch: hasDigit,
  accept: (match) => CARD_ISSUER.test(match.replace(/\D/g, '')) && passesLuhn(match),
};

/** In order: earlier detectors claim text first (a JWT after `Bearer ` is a `[jwt]`). */
export const DETECTORS: readonly Detector[] = [jwt, bearer, apiKey, credentialParameter, email, nino, longHex, card];
