import { useState } from 'react';

/** A form of text values: the values, an onChange for the input of each, and the setter. */
export function useTextForm<T extends Record<string, string>>(initial: T) {
  const [form, setForm] = useState(initial);
  const set = (key: keyof T) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return [form, set, setForm] as const;
}
