import { ApiError } from './client.ts';

export type FieldErrors = (path: string) => string | undefined;

/**
 * Looks up the server's field errors (`details.issues[].path`, dotted like `settings.url`): a
 * field shows the issue at its path or below it (`settings.auth` shows `settings.auth.token`).
 */
export function fieldErrors(error: unknown): FieldErrors {
  const issues = error instanceof ApiError ? error.issues : [];
  return (path) => {
    const hit = issues.find((i) => i.path === path) ?? issues.find((i) => i.path.startsWith(`${path}.`));
    if (!hit) return undefined;
    return hit.path === path ? hit.message : `${hit.path.slice(path.length + 1)}: ${hit.message}`;
  };
}

/** Issues no field on the form claimed, so they are shown above it instead of lost. */
export function unclaimedIssues(error: unknown, claimed: string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues
    .filter((i) => !claimed.some((c) => i.path === c || i.path.startsWith(`${c}.`)))
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
