import { describe, expect, it } from 'vitest';
import { formatLabelSet, matches, parseMatcher } from './matchers.ts';

const match = (text: string, labels: Record<string, string>) => {
  const r = parseMatcher(text);
  if ('error' in r) throw new Error(r.error);
  return matches(r.matcher, labels);
};

describe('matchers (Alertmanager semantics)', () => {
  // [matcher, labels, expected]: from Alertmanager's documented behaviour of =, !=, =~, !~.
  const table: [string, Record<string, string>, boolean][] = [
    ['env=prod', { env: 'prod' }, true],
    ['env=prod', { env: 'production' }, false],
    ['env=prod', {}, false],
    ['env="prod"', { env: 'prod' }, true],
    [' env = "prod" ', { env: 'prod' }, true],
    ['env!=prod', { env: 'staging' }, true],
    ['env!=prod', { env: 'prod' }, false],
    ['env!=prod', {}, true],
    // A missing label has the empty string as its value.
    ['env=""', {}, true],
    ['env=""', { env: '' }, true],
    ['env=""', { env: 'prod' }, false],
    ['env!=""', {}, false],
    ['env!=""', { env: 'prod' }, true],
    ['env=~".*"', {}, true],
    ['env=~".+"', {}, false],
    ['env!~".+"', {}, true],
    // Regular expressions are anchored at both ends.
    ['env=~prod', { env: 'prod' }, true],
    ['env=~prod', { env: 'production' }, false],
    ['env=~prod', { env: 'preprod' }, false],
    ['env=~"prod|staging"', { env: 'staging' }, true],
    ['env=~"prod|staging"', { env: 'prodx' }, false],
    ['env=~"prod|staging"', { env: 'xstaging' }, false],
    ['env=~"p.*"', { env: 'prod' }, true],
    ['env=~"p.*"', { env: 'app' }, false],
    ['env!~"prod|staging"', { env: 'dev' }, true],
    ['env!~"prod|staging"', { env: 'prod' }, false],
    ['env!~"prod|staging"', { env: 'prodstaging' }, true],
    ['env!~"prod|staging"', {}, true],
    ['env=~"(?i)PROD"', { env: 'prod' }, true],
    ['instance=~"db-[0-9]+:5432"', { instance: 'db-12:5432' }, true],
    ['instance=~"db-[0-9]+:5432"', { instance: 'db-12:54321' }, false],
    ['msg="a \\"quoted\\" word"', { msg: 'a "quoted" word' }, true],
    ['path="C:\\\\temp"', { path: 'C:\\temp' }, true],
    ['team=a=b', { team: 'a=b' }, true],
  ];
  it.each(table)('%s on %j is %s', (text, labels, expected) => {
    expect(match(text, labels)).toBe(expected);
  });

  it.each([['env'], ['=prod'], ['1env=prod'], ['env=~"("'], ['env="prod'], ['env=prod"'], ['env="a"b"'], ['env="\\x"'], ['env==prod']])('rejects %s', (text) => {
    expect('error' in parseMatcher(text)).toBe(true);
  });

  it('formats label sets sorted by name', () => {
    expect(formatLabelSet({ b: '2', a: 'x"y' })).toBe('{a="x\\"y",b="2"}');
    expect(formatLabelSet({})).toBe('{}');
  });
});
