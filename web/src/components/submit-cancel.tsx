import { Button } from './button.tsx';

/** A form's primary submit button and its Cancel. */
export function SubmitCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" busy={busy}>
        {label}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
