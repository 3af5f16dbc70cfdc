import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button.tsx';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'title'> {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
}

/** A button that asks first, in a modal dialog (Escape cancels; focus returns to the button). */
export function ConfirmButton({ title, message, confirmLabel, onConfirm, variant = 'danger', children, ...button }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      dialog.current?.close();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={variant} {...button} onClick={() => dialog.current?.showModal()}>
        {children}
      </Button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <div>{message}</div>
        <div className="form-actions">
          <Button onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant={variant} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
