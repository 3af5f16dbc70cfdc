import { useState } from 'react';
import { TextAreaField, TextField } from '../components/field.tsx';

interface ListFieldProps {
  label: string;
  value: string[] | undefined;
  onChange: (v: string[] | undefined) => void;
  /** One item per line (matchers) or comma-separated on one line (label names). */
  multiline?: boolean;
  error?: string;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
}

const parse = (text: string, multiline: boolean) => {
  const items = text.split(multiline ? '\n' : ',').map((s) => s.trim());
  return items.some(Boolean) ? items : undefined;
};
const format = (v: string[] | undefined, multiline: boolean) => (v ?? []).join(multiline ? '\n' : ', ');
const same = (a: string[] | undefined, b: string[] | undefined) => JSON.stringify(a?.filter(Boolean) ?? []) === JSON.stringify(b?.filter(Boolean) ?? []);

/**
 * A list of strings edited as text. The text is kept while typing (a trailing comma or blank line
 * survives) and is replaced only when the value changes from outside, as when a route moves.
 */
export function ListField({ label, value, onChange, multiline = false, error, hint, placeholder, disabled, className }: ListFieldProps) {
  const [text, setText] = useState(format(value, multiline));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!same(parse(text, multiline), value)) setText(format(value, multiline));
  }
  const change = (next: string) => {
    setText(next);
    onChange(parse(next, multiline));
  };
  // The server names a list item by its index (`0: …`); people count lines from 1.
  const shown = multiline ? error?.replace(/^(\d+): /, (_, n: string) => `Line ${Number(n) + 1}: `) : error;
  const common = { label, error: shown, hint, placeholder, disabled, className, spellCheck: false };
  return multiline ? (
    <TextAreaField {...common} rows={Math.min(6, Math.max(2, text.split('\n').length))} value={text} onChange={(e) => change(e.target.value)} />
  ) : (
    <TextField {...common} value={text} onChange={(e) => change(e.target.value)} />
  );
}
