import { CopyButton } from './copy-button.tsx';

/** Monospace text people paste elsewhere (a crontab line, a config snippet), with a copy button. */
export function CodeBlock({ text, label }: { text: string; label: string }) {
  return (
    <figure className="code-block">
      <figcaption>
        <span>{label}</span>
        <CopyButton text={text} label="Copy" />
      </figcaption>
      <pre tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
