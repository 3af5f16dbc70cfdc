/** Ready-to-paste SDK setup for a DSN: the official Sentry SDKs send to Custos unchanged. */
export function nodeSnippet(dsn: string): string {
  return [
    '// npm install @sentry/node',
    "import * as Sentry from '@sentry/node';",
    '',
    'Sentry.init({',
    `  dsn: '${dsn}',`,
    "  release: process.env.RELEASE, // e.g. 'shop@1.4.2'",
    "  environment: process.env.NODE_ENV ?? 'production',",
    '});',
  ].join('\n');
}

export function browserSnippet(dsn: string): string {
  return [
    '// npm install @sentry/browser',
    "import * as Sentry from '@sentry/browser';",
    '',
    'Sentry.init({',
    `  dsn: '${dsn}',`,
    "  release: 'shop@1.4.2',",
    "  environment: 'production',",
    '});',
  ].join('\n');
}

export function sourcemapCommand(project: { id: string }): string {
  return `custos sourcemaps upload --project ${project.id} --release shop@1.4.2 --dir dist --url-prefix '~/static'`;
}
