import { useState } from 'react';
import { fieldErrors } from './field-errors.ts';

/** Runs a save, keeping its error for the form (field issues by path) and a busy flag for the button. */
export function useSave() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, errors: fieldErrors(error), setError };
}
