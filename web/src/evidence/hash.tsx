import { CopyButton } from '../components/copy-button.tsx';

/** A long hash or signature: its start in monospace, the whole value on hover and in the copy button. */
export function Hash({ value, chars = 16 }: { value: string; chars?: number }) {
  return (
    <span className="hash">
      <code title={value}>{value.length > chars ? `${value.slice(0, chars)}…` : value}</code>
      <CopyButton text={value} />
    </span>
  );
}
