import { Link } from 'wouter';
import { Button } from './button.tsx';

/** Cancel either runs `onCancel` (a form on a list page) or leads to `cancelHref` (a form page). */
type Cancel = { onCancel: () => void; cancelHref?: never } | { cancelHref: string; onCancel?: never };

/** A form's primary submit button and its Cancel. */
export function SubmitCancel({ label, busy, ...cancel }: { label: string; busy: boolean } & Cancel) {
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" busy={busy}>
        {label}
      </Button>
      {cancel.cancelHref === undefined ? (
        <Button variant="ghost" onClick={cancel.onCancel}>
          Cancel
        </Button>
      ) : (
        <Link href={cancel.cancelHref} className="btn btn-ghost">
          Cancel
        </Link>
      )}
    </div>
  );
}
