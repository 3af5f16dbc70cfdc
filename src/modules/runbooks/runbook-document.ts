import type * as Yaml from 'yaml';
import { lazyRequire } from '../../platform/lazy-require.ts';
import { fieldIssues, ValidationError } from '../../platform/errors.ts';
import { CreateRunbookInput } from './schemas.ts';

const yaml = lazyRequire<typeof Yaml>('yaml');

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a runbook file: YAML front matter (`slug`, `title`, `match`, optional `note`) and the
 * markdown body. `fallback` fills what the front matter leaves out (the slug from the file name,
 * the title from the first `# ` heading). Every problem is reported at once, naming the field.
 */
export function parseRunbookDocument(text: string, fallback: { slug?: string } = {}): CreateRunbookInput {
  const found = FRONT_MATTER.exec(text);
  let meta: Record<string, unknown> = {};
  if (found) {
    try {
      const parsed = yaml().parse(found[1]!) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      else throw new Error('expected key: value pairs');
    } catch (err) {
      throw new ValidationError([{ path: 'frontMatter', message: (err as Error).message }]);
    }
  }
  const body = found ? text.slice(found[0].length) : text;
  const heading = /^#[ \t]+(.+)$/m.exec(body)?.[1]?.trim();
  const parsed = CreateRunbookInput.safeParse({ slug: fallback.slug, title: heading, ...meta, body });
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error.issues));
  return parsed.data;
}
