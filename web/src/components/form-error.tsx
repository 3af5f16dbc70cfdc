import { ApiError } from '../api/client.ts';
import { unclaimedIssues } from '../api/field-errors.ts';
import { ErrorBanner } from './error-banner.tsx';

/**
 * Why a form was not saved. Field issues show at their fields, so the banner is for other errors;
 * with `claimed` (the paths the fields show), the issues no field claims are listed here instead.
 */
export function FormError({ error, title, claimed }: { error: unknown; title: string; claimed?: string[] }) {
  if (error === null) return null;
  if (!(error instanceof ApiError && error.issues.length)) return <ErrorBanner error={error} title={title} />;
  if (!claimed) return null;
  const leftover = unclaimedIssues(error, claimed);
  return <ErrorBanner error={new Error(leftover.length ? leftover.join('; ') : 'Check the highlighted fields.')} title={title} />;
}
